package dev.messagefeedback.application.port.in;

import dev.messagefeedback.domain.RecordedFeedback;
import java.util.concurrent.CompletionStage;

/** Create Message Feedback: report whether the recipient of a message performed the tracked action. */
public interface CreateMessageFeedbackUseCase {

    /**
     * Applies the outcome rules to the feedback of the command's message. The stage completes with the
     * state stored afterwards once it is durably committed, or fails with a
     * {@code StoreUnavailableException} when that did not happen within the write deadline (the
     * change may still be committed later: repeating the command is safe and converges). Safe to repeat
     * and to run concurrently; never blocks the caller.
     */
    CompletionStage<RecordedFeedback> createMessageFeedback(CreateMessageFeedbackCommand command);
}
