package dev.messagefeedback.adapter.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Twilio's error body. {@code status} always equals the HTTP status. */
/* Serialised by Jackson: registered for reflection so that a native executable keeps its accessors. */
@RegisterForReflection
@JsonPropertyOrder({"code", "message", "more_info", "status"})
public record TwilioError(
        @JsonProperty("code") int code,
        @JsonProperty("message") String message,
        @JsonProperty("more_info") String moreInfo,
        @JsonProperty("status") int status) {

    /** The same JSON Jackson writes, for answers written below JAX-RS (no mapper there, and none needed). */
    String toJson() {
        return "{\"code\":" + code + ",\"message\":\"" + escape(message) + "\",\"more_info\":\"" + escape(moreInfo)
                + "\",\"status\":" + status + "}";
    }

    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> escaped.append("\\\"");
                case '\\' -> escaped.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        escaped.append(String.format("\\u%04x", (int) c));
                    } else {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }

    static TwilioError of(int status, int code, String message) {
        return new TwilioError(code, message, "https://www.twilio.com/docs/errors/" + code, status);
    }
}
