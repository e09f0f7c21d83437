package dev.messagefeedback.adapter.rest;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Twilio's 429 (docs/errors.md), per calling account: each account drains only its own token bucket, so one
 * tenant cannot starve another, whichever endpoints it calls. Buckets are Bucket4j's, kept in a Caffeine
 * cache that evicts the least recently used account past {@link #MAX_ACCOUNTS} and forgets an idle
 * account's bucket once it would be full again anyway: memory stays bounded and no tenant's bucket is
 * reset by another's traffic. Applied to every operation by {@link RateLimitInterceptor}.
 */
@ApplicationScoped
class AccountRateLimiter {

    static final long MAX_ACCOUNTS = 100_000;

    private final RateLimitSettings limit;
    private final Cache<String, Bucket> buckets;

    AccountRateLimiter(RateLimitSettings limit) {
        this.limit = limit;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(MAX_ACCOUNTS)
                .expireAfterAccess(limit.enabled() ? limit.refillTime() : Duration.ZERO)
                .build();
    }

    /** Whether a limit is configured at all (off by default): without one, nothing is counted. */
    boolean enabled() {
        return limit.enabled();
    }

    /** Lets the request on, or refuses it with Twilio's 429 and the whole seconds to wait in {@code Retry-After}. */
    void admit(String accountSid) {
        if (!limit.enabled()) {
            return;
        }
        ConsumptionProbe probe = buckets.get(accountSid, account -> limit.newBucket()).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long nanos = probe.getNanosToWaitForRefill();
            throw ApiProblem.tooManyRequests(Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanos + TimeUnit.SECONDS.toNanos(1) - 1)));
        }
    }
}
