package dev.messagefeedback.application.service;

import dev.messagefeedback.application.port.out.FeedbackReadStore;
import dev.messagefeedback.domain.Feedback;
import dev.messagefeedback.domain.FeedbackKey;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A fake of the read port: the feedback a test put there. */
class InMemoryFeedbackReadStore implements FeedbackReadStore {

    final Map<FeedbackKey, Feedback> feedback = new ConcurrentHashMap<>();

    void put(Feedback stored) {
        feedback.put(stored.key(), stored);
    }

    @Override
    public Optional<Feedback> find(FeedbackKey key) {
        return Optional.ofNullable(feedback.get(key));
    }
}
