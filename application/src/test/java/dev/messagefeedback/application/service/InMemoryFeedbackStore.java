package dev.messagefeedback.application.service;

import dev.messagefeedback.application.port.out.FeedbackStore;
import dev.messagefeedback.domain.Feedback;
import dev.messagefeedback.domain.FeedbackKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A fake of the store port for the service's own tests. {@code FeedbackStoreContract} holds it to the
 * same contract as the PostgreSQL store (InMemoryFeedbackStoreContractTest).
 */
class InMemoryFeedbackStore implements FeedbackStore {

    final Map<FeedbackKey, Feedback> records = new ConcurrentHashMap<>();

    @Override
    public List<Optional<Feedback>> insertAllIfAbsent(List<Feedback> candidates) {
        List<Optional<Feedback>> results = new ArrayList<>(candidates.size());
        for (Feedback candidate : candidates) {
            results.add(insertIfAbsent(candidate));
        }
        return results;
    }

    @Override
    public Optional<Feedback> insertIfAbsent(Feedback candidate) {
        return Optional.ofNullable(records.putIfAbsent(candidate.key(), candidate));
    }

    /**
     * As the database does it: compares the outcome and the update date, sets those two, and keeps the
     * stored creation date. Atomic per key.
     */
    @Override
    public boolean replace(Feedback expected, Feedback replacement) {
        requireSameKey(expected, replacement);
        boolean[] replaced = {false};
        records.computeIfPresent(expected.key(), (key, stored) -> {
            if (stored.outcome() != expected.outcome() || !stored.dateUpdated().equals(expected.dateUpdated())) {
                return stored;
            }
            replaced[0] = true;
            return new Feedback(key, replacement.outcome(), stored.dateCreated(), replacement.dateUpdated());
        });
        return replaced[0];
    }

    @Override
    public List<Boolean> replaceAll(List<Feedback> expected, List<Feedback> replacements) {
        if (expected.size() != replacements.size()) {
            throw new IllegalArgumentException("one replacement per expected feedback");
        }
        for (int i = 0; i < expected.size(); i++) {
            requireSameKey(expected.get(i), replacements.get(i));
        }
        List<Boolean> results = new ArrayList<>(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            results.add(replace(expected.get(i), replacements.get(i)));
        }
        return results;
    }

    @Override
    public Optional<Feedback> find(FeedbackKey key) {
        return Optional.ofNullable(records.get(key));
    }

    private static void requireSameKey(Feedback expected, Feedback replacement) {
        if (!expected.key().equals(replacement.key())) {
            throw new IllegalArgumentException("a replacement keeps the key");
        }
    }
}
