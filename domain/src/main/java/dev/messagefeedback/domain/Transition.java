package dev.messagefeedback.domain;

/** What a request did to the stored feedback. */
public enum Transition {
    /** No feedback existed; the request created it. */
    CREATED,
    /** An unconfirmed feedback became confirmed. */
    CONFIRMED,
    /** The stored feedback was left as it was. */
    UNCHANGED;

    /** The transition from {@code before} to {@code after}; refuses a change the outcome rules never make. */
    public static Transition between(Feedback before, Feedback after) {
        if (before.equals(after)) {
            return UNCHANGED;
        }
        if (before.outcome() == Outcome.UNCONFIRMED && after.outcome() == Outcome.CONFIRMED) {
            return CONFIRMED;
        }
        throw new IllegalArgumentException("no outcome rule changes " + before + " into " + after);
    }
}
