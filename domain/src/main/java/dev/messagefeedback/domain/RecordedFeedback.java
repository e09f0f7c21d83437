package dev.messagefeedback.domain;

import java.util.Objects;

/** The feedback as stored after a request, and what the request did to it. */
public record RecordedFeedback(Feedback feedback, Transition transition) {

    public RecordedFeedback {
        Objects.requireNonNull(feedback, "feedback");
        Objects.requireNonNull(transition, "transition");
    }
}
