package dev.messagefeedback.adapter.persistence;

import dev.messagefeedback.application.port.out.FeedbackStore;
import dev.messagefeedback.domain.Feedback;
import dev.messagefeedback.domain.FeedbackKey;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * The feedback store on PostgreSQL. {@link #insertIfAbsent} is one statement, so the steady state of a
 * POST is one round trip whether the message is new or repeated.
 */
@ApplicationScoped
class PanacheFeedbackStore implements FeedbackStore, PanacheRepositoryBase<FeedbackEntity, FeedbackEntityKey> {

    /**
     * Inserts, or else reads the row that is there, in one statement. The second branch reads with the
     * statement's snapshot, so it misses a row that a concurrent transaction committed after the
     * statement began but before the conflict was seen: then no row comes back, and {@link #find}
     * (a new snapshot under READ COMMITTED) reads it.
     */
    static final String INSERT_IF_ABSENT = """
            WITH inserted AS (
                INSERT INTO message_feedback (account_sid, message_sid, outcome, date_created, date_updated)
                VALUES (?1, ?2, ?3, ?4, ?5)
                ON CONFLICT (account_sid, message_sid) DO NOTHING
                RETURNING account_sid, message_sid, outcome, date_created, date_updated
            )
            SELECT account_sid, message_sid, outcome, date_created, date_updated, true AS inserted
              FROM inserted
            UNION ALL
            SELECT account_sid, message_sid, outcome, date_created, date_updated, false AS inserted
              FROM message_feedback
             WHERE account_sid = ?1 AND message_sid = ?2 AND NOT EXISTS (SELECT 1 FROM inserted)
            """;

    @Override
    public Optional<Feedback> insertIfAbsent(Feedback candidate) {
        @SuppressWarnings("unchecked")
        List<InsertIfAbsentRow> rows = getEntityManager()
                .createNativeQuery(INSERT_IF_ABSENT, FeedbackEntity.INSERT_IF_ABSENT_RESULT)
                .setParameter(1, candidate.accountSid().value())
                .setParameter(2, candidate.messageSid().value())
                .setParameter(3, candidate.outcome().wireName())
                .setParameter(4, candidate.dateCreated())
                .setParameter(5, candidate.dateUpdated())
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.of(find(candidate.key())
                    .orElseThrow(() -> new IllegalStateException("conflicting feedback row not found")));
        }
        InsertIfAbsentRow row = rows.get(0);
        return row.inserted() ? Optional.empty() : Optional.of(FeedbackMapper.toDomain(row));
    }

    @Override
    public boolean replace(Feedback expected, Feedback replacement) {
        if (!expected.key().equals(replacement.key())) {
            throw new IllegalArgumentException("a replacement keeps the key");
        }
        FeedbackEntityKey key = FeedbackMapper.toEntityKey(expected.key());
        int updated = update("outcome = ?1, dateUpdated = ?2 where id = ?3 and outcome = ?4 and dateUpdated = ?5",
                replacement.outcome().wireName(), replacement.dateUpdated(),
                key, expected.outcome().wireName(), expected.dateUpdated());
        return updated == 1;
    }

    @Override
    public Optional<Feedback> find(FeedbackKey key) {
        FeedbackEntity entity = findById(FeedbackMapper.toEntityKey(key));
        if (entity == null) {
            return Optional.empty();
        }
        // Detached, so that a later find reads the database again rather than this session's copy.
        getEntityManager().detach(entity);
        return Optional.of(FeedbackMapper.toDomain(entity));
    }
}
