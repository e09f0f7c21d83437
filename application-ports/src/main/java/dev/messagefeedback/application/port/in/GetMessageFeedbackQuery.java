package dev.messagefeedback.application.port.in;

import dev.messagefeedback.domain.FeedbackKey;
import java.util.Objects;

/** The feedback of one message of one account. */
public record GetMessageFeedbackQuery(FeedbackKey key) {

    public GetMessageFeedbackQuery {
        Objects.requireNonNull(key, "key");
    }
}
