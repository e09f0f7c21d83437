package dev.messagefeedback.bench.peer;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Twilio's error body: {"code":...,"message":...,"more_info":...,"status":...}. */
public record TwilioError(int code, String message, @JsonProperty("more_info") String moreInfo, int status) {

    static Response.ResponseBuilder answer(int status, int code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(new TwilioError(code, message, "https://www.twilio.com/docs/errors/" + code, status));
    }
}
