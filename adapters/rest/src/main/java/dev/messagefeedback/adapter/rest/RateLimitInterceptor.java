package dev.messagefeedback.adapter.rest;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Twilio's 429 per calling account, charged once the request's parameters and body were read (a malformed request
 * costs no token). Each account drains only its own token bucket, so one tenant cannot starve another.
 */
@RateLimited
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER)
class RateLimitInterceptor {

    private final Buckets buckets;
    private final SecurityIdentity identity;

    RateLimitInterceptor(Buckets buckets, SecurityIdentity identity) {
        this.buckets = buckets;
        this.identity = identity;
    }

    @AroundInvoke
    Object admit(InvocationContext invocation) throws Exception {
        if (buckets.enabled() && identity.getPrincipal() instanceof CallerPrincipal caller) {
            buckets.admit(caller.getName());
        }
        return invocation.proceed();
    }

    /**
     * One application-wide bean (CDI makes an interceptor per intercepted bean). The cache (100,000 accounts, least
     * recently used out) forgets an idle account's bucket once it would be full again: no tenant's is reset by another.
     */
    @ApplicationScoped
    static class Buckets {

        private final boolean enabled;
        private final long capacity;
        private final Duration tokenInterval;
        private final Cache<String, Bucket> buckets;

        Buckets(RestSettings limit) {
            this.enabled = limit.requestsPerSecond() > 0;
            this.capacity = Math.max(1, limit.burst());
            this.tokenInterval = Duration.ofNanos(Math.max(1, Math.round(1e9 / limit.requestsPerSecond())));
            this.buckets = Caffeine.newBuilder().maximumSize(100_000)
                    .expireAfterAccess(enabled ? tokenInterval.multipliedBy(capacity) : Duration.ZERO).build();
        }

        /** Off by default: without a limit, nothing is counted. */
        boolean enabled() {
            return enabled;
        }

        /** Lets the request on, or refuses it with Twilio's 429 and the whole seconds to wait in {@code Retry-After}. */
        void admit(String accountSid) {
            ConsumptionProbe probe = buckets.get(accountSid, account -> Bucket.builder()
                    .addLimit(bandwidth -> bandwidth.capacity(capacity).refillGreedy(1, tokenInterval)).build())
                    .tryConsumeAndReturnRemaining(1);
            if (!probe.isConsumed()) {
                long nanos = probe.getNanosToWaitForRefill();
                throw ApiProblem.tooManyRequests(Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanos + TimeUnit.SECONDS.toNanos(1) - 1)));
            }
        }
    }
}
