package dev.messagefeedback.application.port.out;

import dev.messagefeedback.domain.Feedback;
import dev.messagefeedback.domain.FeedbackKey;
import java.util.Optional;

/**
 * Where feedback is kept, one record per {@link FeedbackKey}. Every method is safe against concurrent
 * callers, in this process and in other replicas: the store, not the caller, serialises them.
 */
public interface FeedbackStore {

    /**
     * Stores {@code candidate} unless a feedback already exists for its key.
     *
     * @return empty if {@code candidate} was stored; otherwise the feedback that was already stored
     */
    Optional<Feedback> insertIfAbsent(Feedback candidate);

    /**
     * Replaces {@code expected} by {@code replacement} (same key) only if the stored feedback still
     * equals {@code expected}: a compare-and-set.
     *
     * @return whether the replacement was stored
     */
    boolean replace(Feedback expected, Feedback replacement);

    /** The stored feedback of that key, as of now. */
    Optional<Feedback> find(FeedbackKey key);
}
