package dev.messagefeedback.application.port.in;

import java.util.Optional;

/**
 * Decide whether HTTP Basic credentials may act on the account a request names (SPEC §4). Credentials
 * are cached for a bounded window, so that the steady state costs no database round trip.
 */
public interface AuthorizeCallerUseCase {

    /** Decides from cached credentials only, without blocking; empty when a lookup is needed. */
    Optional<AccessDecision> authorizeFromCache(AuthorizeCallerCommand command);

    /** Decides, looking credentials up in the store when the cache cannot (blocks on I/O). */
    AccessDecision authorize(AuthorizeCallerCommand command);
}
