package dev.messagefeedback.adapter.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The hand-written rendering of a 201's body is byte for byte what Jackson wrote before it. */
class FeedbackJsonTest {

    final ObjectMapper jackson = new ObjectMapper();

    @Test
    void rendersWhatJacksonRenders() throws Exception {
        FeedbackJson feedback = new FeedbackJson("AC0123456789abcdef0123456789abcdef", "Fri, 27 Nov 2026 22:57:34 +0000",
                "Sat, 28 Nov 2026 00:00:01 +0000", "SM0123456789abcdef0123456789abcdef", "confirmed",
                FeedbackJson.uri("AC0123456789abcdef0123456789abcdef", "SM0123456789abcdef0123456789abcdef"));
        assertSame(feedback);
    }

    @Test
    void escapesAsJacksonDoesAndWritesNulls() throws Exception {
        assertSame(new FeedbackJson("quote \" backslash \\ slash /", "new\nline\ttab\rreturn\bback\fform",
                "control \u0001\u001f", "unicode é ✓ \uD83D\uDE00", null, null));
    }

    private void assertSame(FeedbackJson feedback) throws Exception {
        assertEquals(jackson.writeValueAsString(feedback), feedback.json());
    }
}
