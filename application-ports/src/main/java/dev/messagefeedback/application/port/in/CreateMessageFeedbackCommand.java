package dev.messagefeedback.application.port.in;

import dev.messagefeedback.domain.FeedbackKey;
import dev.messagefeedback.domain.Outcome;
import java.util.Objects;
import java.util.Optional;

/** The feedback of one message, with the requested outcome if the request named one. */
public record CreateMessageFeedbackCommand(FeedbackKey key, Optional<Outcome> outcome) {

    public CreateMessageFeedbackCommand {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(outcome, "outcome");
    }
}
