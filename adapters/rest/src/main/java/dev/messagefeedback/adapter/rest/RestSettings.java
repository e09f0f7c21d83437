package dev.messagefeedback.adapter.rest;

import java.time.Duration;

/**
 * The adapter's settings ({@code feedback.http.*}, {@code feedback.rate-limit.*}): how long a request may take to
 * arrive whole; requests allowed per account, {@code requestsPerSecond} sustained and {@code burst} at once (at least
 * one), zero turning the limit off. Counted per replica: with N replicas an account gets up to N times the rate.
 */
public record RestSettings(Duration requestTimeLimit, double requestsPerSecond, int burst) {

    public RestSettings {
        if (requestTimeLimit.isNegative() || requestTimeLimit.isZero()) {
            throw new IllegalArgumentException("a request time limit is positive");
        }
        if (requestsPerSecond < 0 || burst < 0) {
            throw new IllegalArgumentException("a rate limit is not negative");
        }
    }
}
