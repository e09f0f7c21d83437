package dev.messagefeedback.adapter.rest;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Every operation of the annotated resource counts against its caller's per-account rate limit
 * ({@link RateLimitInterceptor}, {@link AccountRateLimiter}). Every API resource carries it (the architecture test fails one that
 * does not), so no operation depends on remembering a call.
 */
@InterceptorBinding
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface RateLimited {
}
