package dev.messagefeedback.application.port.in;

import dev.messagefeedback.domain.Feedback;
import java.util.Optional;

/** Get Message Feedback: read back the feedback of a message, as Create Message Feedback stored it. */
public interface GetMessageFeedbackUseCase {

    /** The stored feedback of the query's message, as of now; empty when none was ever created. */
    Optional<Feedback> getMessageFeedback(GetMessageFeedbackQuery query);
}
