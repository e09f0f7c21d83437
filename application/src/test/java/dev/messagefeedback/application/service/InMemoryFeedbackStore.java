package dev.messagefeedback.application.service;

import dev.messagefeedback.application.port.out.FeedbackStore;
import dev.messagefeedback.domain.Feedback;
import dev.messagefeedback.domain.FeedbackKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A fake of the store port with the same contract, for the service's own tests. */
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

    @Override
    public boolean replace(Feedback expected, Feedback replacement) {
        return records.replace(expected.key(), expected, replacement);
    }

    @Override
    public List<Boolean> replaceAll(List<Feedback> expected, List<Feedback> replacements) {
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
}
