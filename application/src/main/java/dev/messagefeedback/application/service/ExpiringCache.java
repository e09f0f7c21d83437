package dev.messagefeedback.application.service;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Values remembered for a bounded time and number: past {@code maxEntries}, expired entries go first, then all. */
final class ExpiringCache<K, V> {

    record Entry<V>(V value, long loadedAtMillis) {
    }

    private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final long windowMillis;
    private final int maxEntries;
    private final Clock clock;

    ExpiringCache(CredentialCachePolicy policy, Clock clock) {
        this.windowMillis = policy.window().toMillis();
        this.maxEntries = policy.maxEntries();
        this.clock = clock;
    }

    /** The entry if it is younger than the window. */
    Optional<Entry<V>> fresh(K key) {
        Entry<V> entry = entries.get(key);
        return entry != null && ageMillis(entry) < windowMillis ? Optional.of(entry) : Optional.empty();
    }

    long ageMillis(Entry<V> entry) {
        return clock.millis() - entry.loadedAtMillis();
    }

    V put(K key, V value) {
        if (entries.size() >= maxEntries) {
            long now = clock.millis();
            entries.values().removeIf(entry -> now - entry.loadedAtMillis() >= windowMillis);
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
        }
        entries.put(key, new Entry<>(value, clock.millis()));
        return value;
    }
}
