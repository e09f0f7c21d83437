package dev.messagefeedback.application.service;

import dev.messagefeedback.application.port.in.GetMessageFeedbackQuery;
import dev.messagefeedback.application.port.in.GetMessageFeedbackUseCase;
import dev.messagefeedback.application.port.out.FeedbackStore;
import dev.messagefeedback.domain.Feedback;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;

/** Reads the feedback of one message: one look-up by key. */
@ApplicationScoped
public class GetMessageFeedbackService implements GetMessageFeedbackUseCase {

    private final FeedbackStore store;

    @Inject
    public GetMessageFeedbackService(FeedbackStore store) {
        this.store = store;
    }

    @Override
    @Transactional
    public Optional<Feedback> getMessageFeedback(GetMessageFeedbackQuery query) {
        return store.find(query.key());
    }
}
