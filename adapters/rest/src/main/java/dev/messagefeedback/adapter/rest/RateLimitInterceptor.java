package dev.messagefeedback.adapter.rest;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Runs around every operation of a {@link RateLimited} resource, once the request was authenticated and
 * its parameters and body were read (so a malformed request is a 400 that costs no token, as the error
 * order says): the caller's account ({@link CallerPrincipal}) pays one token to {@link AccountRateLimiter}.
 * (The buckets live there, in one application-wide bean: CDI makes an interceptor per intercepted bean.)
 */
@RateLimited
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER)
class RateLimitInterceptor {

    private final AccountRateLimiter limiter;
    private final SecurityIdentity identity;

    RateLimitInterceptor(AccountRateLimiter limiter, SecurityIdentity identity) {
        this.limiter = limiter;
        this.identity = identity;
    }

    @AroundInvoke
    Object admit(InvocationContext invocation) throws Exception {
        if (limiter.enabled() && identity.getPrincipal() instanceof CallerPrincipal caller) {
            limiter.admit(caller.getName());
        }
        return invocation.proceed();
    }
}
