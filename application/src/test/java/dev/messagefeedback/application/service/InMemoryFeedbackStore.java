package dev.messagefeedback.application.service;

import dev.messagefeedback.application.port.out.FeedbackStore;
import dev.messagefeedback.domain.Feedback;
import dev.messagefeedback.domain.FeedbackKey;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A fake of the store port with the same contract, for the service's own tests. */
class InMemoryFeedbackStore implements FeedbackStore {

    final Map<FeedbackKey, Feedback> records = new ConcurrentHashMap<>();

    @Override
    public Optional<Feedback> insertIfAbsent(Feedback candidate) {
        return Optional.ofNullable(records.putIfAbsent(candidate.key(), candidate));
    }

    @Override
    public boolean replace(Feedback expected, Feedback replacement) {
        return records.replace(expected.key(), expected, replacement);
    }

    @Override
    public Optional<Feedback> find(FeedbackKey key) {
        return Optional.ofNullable(records.get(key));
    }
}
