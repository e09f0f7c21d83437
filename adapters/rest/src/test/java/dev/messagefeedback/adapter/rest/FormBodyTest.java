package dev.messagefeedback.adapter.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class FormBodyTest {

    static List<String> outcomes(String contentType, String body) {
        return FormBody.values(contentType, body.getBytes(StandardCharsets.ISO_8859_1), "Outcome");
    }

    static int status(Runnable call) {
        return assertThrows(ApiProblem.class, call::run).status();
    }

    @Test
    void readsUrlEncodedForms() {
        assertEquals(List.of("confirmed"), outcomes("application/x-www-form-urlencoded", "Outcome=confirmed"));
        assertEquals(List.of("a b", "c&d"), outcomes("application/x-www-form-urlencoded; charset=utf-8",
                "x=1&Outcome=a+b&&Outcome=c%26d&outcome=ignored"));
        assertEquals(List.of(""), outcomes("application/x-www-form-urlencoded", "Outcome"));
        assertEquals(List.of(), outcomes(null, ""));
    }

    @Test
    void readsMultipartForms() {
        String body = "preamble\r\n--XX\r\nContent-Disposition: form-data; name=\"Other\"\r\n\r\nx\r\n"
                + "--XX\r\nContent-Disposition: form-data; name=\"Outcome\"\r\nContent-Type: text/plain\r\n\r\nconfirmed\r\n--XX--\r\n";
        assertEquals(List.of("confirmed"), outcomes("multipart/form-data; boundary=\"XX\"", body));
    }

    @Test
    void refusesWhatIsNotAFormOrNotWellFormed() {
        assertEquals(415, status(() -> outcomes("text/plain", "Outcome=confirmed")));
        assertEquals(415, status(() -> outcomes(null, "Outcome=confirmed")));
        assertEquals(415, status(() -> outcomes("application/x-www-form-urlencoded; charset=nope", "")));
        assertEquals(400, status(() -> outcomes("application/x-www-form-urlencoded", "Outcome=%G1")));
        assertEquals(400, status(() -> outcomes("multipart/form-data", "--x\r\n")));
        assertEquals(400, status(() -> outcomes("multipart/form-data; boundary=x", "--x\r\nno end of headers")));
    }
}
