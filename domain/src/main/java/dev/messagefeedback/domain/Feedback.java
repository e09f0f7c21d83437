package dev.messagefeedback.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The feedback of one message of one account: its outcome and when it was created and last changed.
 * Immutable; {@link #receive} gives the state after another request for the same message.
 */
public record Feedback(FeedbackKey key, Outcome outcome, Instant dateCreated, Instant dateUpdated) {

    public Feedback {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(dateCreated, "dateCreated");
        Objects.requireNonNull(dateUpdated, "dateUpdated");
        if (dateUpdated.isBefore(dateCreated)) {
            throw new IllegalArgumentException("dateUpdated is before dateCreated");
        }
    }

    /** The feedback a first request creates: the requested outcome (unconfirmed if omitted), both dates now. */
    public static Feedback create(FeedbackKey key, Optional<Outcome> requested, Instant now) {
        return new Feedback(key, Outcome.initial(requested), now, now);
    }

    /**
     * The state after a further request: an unconfirmed feedback becomes confirmed (updated now) when
     * confirmation is requested; in every other case the feedback is unchanged, dates included. A clock
     * that lags the one that created the feedback (another replica) never dates an update before it.
     */
    public Feedback receive(Optional<Outcome> requested, Instant now) {
        Outcome next = outcome.after(requested);
        return next == outcome ? this : new Feedback(key, next, dateCreated, latest(dateCreated, now));
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    public AccountSid accountSid() {
        return key.accountSid();
    }

    public MessageSid messageSid() {
        return key.messageSid();
    }
}
