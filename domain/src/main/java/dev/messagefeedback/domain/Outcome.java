package dev.messagefeedback.domain;

import java.util.Optional;

/**
 * Whether the recipient of a message performed the tracked action. A confirmation is never
 * withdrawn: once {@link #CONFIRMED}, always confirmed.
 */
public enum Outcome {
    CONFIRMED("confirmed"),
    UNCONFIRMED("unconfirmed");

    private final String wireName;

    Outcome(String wireName) {
        this.wireName = wireName;
    }

    /** The name used on the wire and in storage: {@code confirmed} or {@code unconfirmed}. */
    public String wireName() {
        return wireName;
    }

    /** Exactly {@code confirmed} or {@code unconfirmed}, case-sensitive; anything else is empty. */
    public static Optional<Outcome> fromWireName(String candidate) {
        for (Outcome outcome : values()) {
            if (outcome.wireName.equals(candidate)) {
                return Optional.of(outcome);
            }
        }
        return Optional.empty();
    }

    /** The outcome of a feedback created by a request: the requested one, or unconfirmed when omitted. */
    public static Outcome initial(Optional<Outcome> requested) {
        return requested.orElse(UNCONFIRMED);
    }

    /** The outcome after a request on a feedback that has this outcome: only a confirmation changes it. */
    public Outcome after(Optional<Outcome> requested) {
        return this == UNCONFIRMED && requested.orElse(UNCONFIRMED) == CONFIRMED ? CONFIRMED : this;
    }
}
