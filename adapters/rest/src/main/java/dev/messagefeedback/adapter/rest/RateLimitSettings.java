package dev.messagefeedback.adapter.rest;

/**
 * Requests allowed per account: {@code requestsPerSecond} sustained, {@code burst} at once. Zero turns
 * the limit off. Counted per replica: with N replicas an account gets up to N times the rate.
 */
public record RateLimitSettings(double requestsPerSecond, int burst) {

    public RateLimitSettings {
        if (requestsPerSecond < 0 || burst < 0) {
            throw new IllegalArgumentException("a rate limit is not negative");
        }
    }

    boolean enabled() {
        return requestsPerSecond > 0;
    }
}
