package dev.messagefeedback.application.port.in;

import dev.messagefeedback.domain.RecordedFeedback;
import java.util.List;

/** Create Message Feedback: report whether the recipient of a message performed the tracked action. */
public interface CreateMessageFeedbackUseCase {

    /**
     * Applies the outcome rules to the feedback of the command's message and returns the state stored
     * afterwards, once it is durably committed. Safe to repeat and to run concurrently.
     */
    RecordedFeedback createMessageFeedback(CreateMessageFeedbackCommand command);

    /**
     * The same for several commands at once, as if they came one after another in this order (two for
     * one message included), but written together: one statement and one commit for all their new
     * feedback. Returns one result per command, in order, once every change is durably committed.
     * Callers that serve many concurrent requests use it to share a commit among them.
     */
    List<RecordedFeedback> createMessageFeedback(List<CreateMessageFeedbackCommand> commands);
}
