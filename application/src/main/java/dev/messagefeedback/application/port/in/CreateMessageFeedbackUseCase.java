package dev.messagefeedback.application.port.in;

import dev.messagefeedback.domain.RecordedFeedback;

/** Create Message Feedback: report whether the recipient of a message performed the tracked action. */
public interface CreateMessageFeedbackUseCase {

    /**
     * Applies the outcome rules to the feedback of the command's message and returns the state stored
     * afterwards, once it is durably committed. Safe to repeat and to run concurrently.
     */
    RecordedFeedback createMessageFeedback(CreateMessageFeedbackCommand command);
}
