package dev.messagefeedback.application.port.out;

import dev.messagefeedback.domain.Feedback;
import dev.messagefeedback.domain.FeedbackKey;
import java.util.List;
import java.util.Optional;

/**
 * Where feedback is kept, one record per {@link FeedbackKey}. Every method is safe against concurrent
 * callers, in this process and in other replicas: the store, not the caller, serialises them. Every
 * change is durably committed when the method returns (or part of the caller's transaction, if one is
 * open). Every method throws {@link StoreUnavailableException} when the store cannot be reached or does
 * not answer in time; then nothing or all of a call's changes were made, and repeating it is safe.
 *
 * <p>The per-day counts ({@link FeedbackCountStore}) follow every change made here, in the same commit:
 * a store that keeps feedback keeps its counts.
 */
public interface FeedbackStore {

    /**
     * Stores each candidate unless a feedback already exists for its key, all at once (one commit), as if
     * one after another in the given order: a candidate whose key an earlier one in the list already
     * stored finds that one.
     *
     * @return one result per candidate, in order: empty if that candidate was stored; otherwise the
     *     feedback that was already stored
     */
    List<Optional<Feedback>> insertAllIfAbsent(List<Feedback> candidates);

    /** {@link #insertAllIfAbsent} for one candidate. */
    default Optional<Feedback> insertIfAbsent(Feedback candidate) {
        return insertAllIfAbsent(List.of(candidate)).get(0);
    }

    /**
     * Replaces {@code expected} by {@code replacement} (same key) only if the stored feedback still has
     * the expected outcome and update time: a compare-and-set.
     *
     * @return whether the replacement was stored
     */
    default boolean replace(Feedback expected, Feedback replacement) {
        return replaceAll(List.of(expected), List.of(replacement)).get(0);
    }

    /**
     * {@link #replace} for several keys (each at most once) in one go: one commit for all of them.
     *
     * @return per pair, in order, whether its replacement was stored
     */
    List<Boolean> replaceAll(List<Feedback> expected, List<Feedback> replacements);

    /**
     * The stored feedback of that key, as of now: what is committed, or what the caller's open
     * transaction made of it. The one read of a feedback, for the use cases that write (a lost race is
     * settled on what this reads) and for those that only read.
     */
    Optional<Feedback> find(FeedbackKey key);
}
