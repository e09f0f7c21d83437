package dev.messagefeedback.bootstrap;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.List;

/** Twilio's error JSON: status equal to the HTTP status, the four keys in order, code and more_info. */
final class TwilioErrorAssertions {

    private TwilioErrorAssertions() {
    }

    static Response assertTwilioError(Response response, int status, int code) {
        response.then()
                .statusCode(status)
                .contentType("application/json")
                .header("Twilio-Request-Id", matchesPattern(Api.REQUEST_ID))
                .body("code", equalTo(code))
                .body("status", equalTo(status))
                .body("more_info", equalTo("https://www.twilio.com/docs/errors/" + code));
        assertEquals(List.of("code", "message", "more_info", "status"), JsonKeys.inOrder(response.asString()));
        return response;
    }

    static JsonPath assertTwilioError(RawHttp.Answer answer, int status, int code) {
        assertEquals(status, answer.status(), answer.body());
        assertTrue(answer.header("Content-Type").startsWith("application/json"), answer.header("Content-Type"));
        assertTrue(answer.header("Twilio-Request-Id").matches(Api.REQUEST_ID));
        assertEquals(List.of("code", "message", "more_info", "status"), JsonKeys.inOrder(answer.body()));
        JsonPath body = new JsonPath(answer.body());
        assertEquals(code, body.getInt("code"));
        assertEquals(status, body.getInt("status"));
        assertEquals("https://www.twilio.com/docs/errors/" + code, body.getString("more_info"));
        return body;
    }
}
