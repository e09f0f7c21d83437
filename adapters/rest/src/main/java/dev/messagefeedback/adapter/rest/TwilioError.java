package dev.messagefeedback.adapter.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Twilio's error body. {@code status} always equals the HTTP status. */
@JsonPropertyOrder({"code", "message", "more_info", "status"})
public record TwilioError(
        @JsonProperty("code") int code,
        @JsonProperty("message") String message,
        @JsonProperty("more_info") String moreInfo,
        @JsonProperty("status") int status) {

    static TwilioError of(int status, int code, String message) {
        return new TwilioError(code, message, "https://www.twilio.com/docs/errors/" + code, status);
    }
}
