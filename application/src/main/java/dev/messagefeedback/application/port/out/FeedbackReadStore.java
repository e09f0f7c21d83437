package dev.messagefeedback.application.port.out;

import dev.messagefeedback.domain.Feedback;
import dev.messagefeedback.domain.FeedbackKey;
import java.util.Optional;

/** Reads stored feedback back. Callers own the transaction. */
public interface FeedbackReadStore {

    /** The committed feedback of that key, if any. */
    Optional<Feedback> find(FeedbackKey key);
}
