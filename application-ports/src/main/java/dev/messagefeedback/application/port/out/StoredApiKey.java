package dev.messagefeedback.application.port.out;

import dev.messagefeedback.domain.ApiKey;
import java.util.Objects;

/** An API key as stored: the key and the digest of its secret. */
public record StoredApiKey(ApiKey apiKey, SecretDigest secretDigest) {

    public StoredApiKey {
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(secretDigest, "secretDigest");
    }
}
