package dev.messagefeedback.adapter.persistence;

import java.time.Duration;
import java.util.Objects;

/**
 * How credentials are served from memory ({@link CachedCredentialStore}).
 *
 * @param window how long a stored account or key (or its absence) is served without a look-up: the
 *     longest a rotation, revocation or suspension takes to land on a replica
 * @param maxEntries accounts and keys kept at most (each kind), least useful evicted first
 * @param lookupsPerSecond look-ups of credentials not in memory a replica makes at most, sustained
 * @param lookupBurst look-ups allowed at once above that rate, and waiting at most
 * @param lookupThreads look-ups running at once at most (each holds a database connection)
 */
public record CredentialCacheSettings(Duration window, int maxEntries, double lookupsPerSecond, int lookupBurst,
        int lookupThreads) {

    public CredentialCacheSettings {
        Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero() || maxEntries < 1 || lookupsPerSecond <= 0 || lookupBurst < 1
                || lookupThreads < 1) {
            throw new IllegalArgumentException("credential cache settings must all be positive");
        }
    }
}
