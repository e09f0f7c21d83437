package dev.messagefeedback.adapter.rest;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Twilio's error body ({@link ApiProblem}); {@code status} always equals the HTTP status. */
@RegisterForReflection
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({"code", "message", "more_info", "status"})
public record TwilioError(int code, String message, String moreInfo, int status) {

    static TwilioError of(int status, int code, String message) {
        return new TwilioError(code, message, "https://www.twilio.com/docs/errors/" + code, status);
    }

    /** Jackson's JSON for this record (TwilioErrorTest), U+2028 and U+2029 escaped too: for every error answer. */
    String toJson() {
        return "{\"code\":" + code + ",\"message\":\"" + escape(message) + "\",\"more_info\":\"" + escape(moreInfo)
                + "\",\"status\":" + status + "}";
    }

    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                escaped.append('\\').append(c);
            } else if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                escaped.append(String.format("\\u%04x", (int) c));
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
