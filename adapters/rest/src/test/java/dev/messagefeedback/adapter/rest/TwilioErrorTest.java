package dev.messagefeedback.adapter.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-written JSON of answers given below JAX-RS is exactly what Jackson writes for the same error. */
class TwilioErrorTest {

    @ParameterizedTest
    @ValueSource(strings = {"Authenticate", "The requested resource /a\"b\\c\u0001\u2028/é was not found", ""})
    void writesWhatJacksonWrites(String message) throws Exception {
        TwilioError error = TwilioError.of(404, 20404, message);
        assertEquals(new ObjectMapper().readTree(new ObjectMapper().writeValueAsString(error)),
                new ObjectMapper().readTree(error.toJson()));
        assertEquals(new ObjectMapper().writeValueAsString(error), error.toJson().replace("\\u2028", "\u2028"));
    }
}
