package dev.messagefeedback.adapter.persistence;

import dev.messagefeedback.application.port.out.FeedbackReadStore;
import dev.messagefeedback.domain.Feedback;
import dev.messagefeedback.domain.FeedbackKey;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Reads feedback back through its Panache entity, by primary key, in the caller's transaction. */
@ApplicationScoped
class PanacheFeedbackReadStore implements FeedbackReadStore {

    @Override
    public Optional<Feedback> find(FeedbackKey key) {
        FeedbackEntity entity = FeedbackEntity.findById(FeedbackMapper.toEntityKey(key));
        if (entity == null) {
            return Optional.empty();
        }
        // Detached, so that a later read in the same transaction reads the database, not this copy.
        FeedbackEntity.getEntityManager().detach(entity);
        return Optional.of(FeedbackMapper.toDomain(entity));
    }
}
