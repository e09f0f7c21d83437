package dev.messagefeedback.application.service;

import java.time.Duration;
import java.util.Objects;

/**
 * How long credentials may be served from memory: a rotated token, a revoked key or a suspended account
 * stops working within {@code window} on every replica. {@code maxEntries} bounds the memory.
 */
public record CredentialCachePolicy(Duration window, int maxEntries) {

    public CredentialCachePolicy {
        Objects.requireNonNull(window, "window");
        if (window.isNegative() || maxEntries < 1) {
            throw new IllegalArgumentException("a cache window is not negative and holds at least one entry");
        }
    }
}
