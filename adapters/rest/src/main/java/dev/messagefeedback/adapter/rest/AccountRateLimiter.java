package dev.messagefeedback.adapter.rest;

import dev.messagefeedback.domain.AccountSid;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per account (a 429, docs/errors.md): each account drains only its own bucket, so one tenant
 * cannot starve another. Buckets live in memory; past {@link #MAX_ACCOUNTS} accounts the map starts
 * afresh rather than grow without bound.
 */
@ApplicationScoped
class AccountRateLimiter {

    static final int MAX_ACCOUNTS = 100_000;

    private static final class Bucket {
        double tokens;
        long refilledAtNanos;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAtNanos = now;
        }
    }

    private final RateLimitSettings limit;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    AccountRateLimiter(RateLimitSettings limit) {
        this.limit = limit;
    }

    /** Lets the request on, or refuses it with Twilio's 429 and the whole seconds to wait in {@code Retry-After}. */
    void admit(AccountSid accountSid) {
        long retryAfter = secondsUntilAdmitted(accountSid.value());
        if (retryAfter > 0) {
            throw ApiProblem.tooManyRequests(retryAfter);
        }
    }

    /** @return 0 when the request may proceed, otherwise the whole seconds to wait before a retry */
    private long secondsUntilAdmitted(String accountSid) {
        if (!limit.enabled()) {
            return 0;
        }
        long now = System.nanoTime();
        if (buckets.size() >= MAX_ACCOUNTS) {
            buckets.clear();
        }
        double capacity = Math.max(1, limit.burst());
        Bucket bucket = buckets.computeIfAbsent(accountSid, sid -> new Bucket(capacity, now));
        synchronized (bucket) {
            double elapsedSeconds = (now - bucket.refilledAtNanos) / 1e9;
            bucket.tokens = Math.min(capacity, bucket.tokens + elapsedSeconds * limit.requestsPerSecond());
            bucket.refilledAtNanos = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - bucket.tokens) / limit.requestsPerSecond()));
        }
    }
}
