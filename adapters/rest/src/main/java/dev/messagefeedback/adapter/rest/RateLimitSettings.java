package dev.messagefeedback.adapter.rest;

import io.github.bucket4j.Bucket;
import java.time.Duration;

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

    /** A full bucket: {@code burst} tokens (at least one), one more every {@code 1 / requestsPerSecond} seconds. */
    Bucket newBucket() {
        return Bucket.builder()
                .addLimit(bandwidth -> bandwidth.capacity(capacity()).refillGreedy(1, tokenInterval()))
                .build();
    }

    /** How long an empty bucket takes to fill: after that long idle, a bucket is as good as a new one. */
    Duration refillTime() {
        return tokenInterval().multipliedBy(capacity());
    }

    private long capacity() {
        return Math.max(1, burst);
    }

    private Duration tokenInterval() {
        return Duration.ofNanos(Math.max(1, Math.round(1e9 / requestsPerSecond)));
    }
}
