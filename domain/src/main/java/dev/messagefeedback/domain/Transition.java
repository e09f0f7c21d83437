package dev.messagefeedback.domain;

/** What a request did to the stored feedback. */
public enum Transition {
    /** No feedback existed; the request created it. */
    CREATED,
    /** An unconfirmed feedback became confirmed. */
    CONFIRMED,
    /** The stored feedback was left as it was. */
    UNCHANGED;

    public static Transition between(Feedback before, Feedback after) {
        return before.equals(after) ? UNCHANGED : CONFIRMED;
    }
}
