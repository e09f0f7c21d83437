package dev.messagefeedback.application.port.in;

import dev.messagefeedback.domain.ApiKey;

/** A new API key and its secret in clear, to show once. */
public record IssuedApiKey(ApiKey apiKey, String secret) {

    @Override
    public String toString() {
        return "IssuedApiKey[apiKey=" + apiKey + ", secret=redacted]";
    }
}
