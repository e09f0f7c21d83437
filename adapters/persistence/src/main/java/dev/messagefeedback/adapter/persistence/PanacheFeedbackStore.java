package dev.messagefeedback.adapter.persistence;

import dev.messagefeedback.application.port.out.FeedbackStore;
import dev.messagefeedback.domain.Feedback;
import dev.messagefeedback.domain.FeedbackKey;
import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The feedback store on PostgreSQL.
 *
 * <p>{@link #insertIfAbsent} is the hot path of every POST: one statement on a pooled connection. Outside
 * a transaction it commits by itself (autocommit), so a POST costs one round trip; inside one (tests,
 * callers that want one), the pool hands out the transaction's connection and it simply joins. It is
 * plain JDBC because the statement needs nothing an entity manager offers and the per-request session,
 * result mapping and JTA bookkeeping were a measured share of the service's CPU (see BENCHMARKS.md).
 *
 * <p>The rarer steps, a compare-and-set confirmation and a re-read, go through the Panache entity in a
 * transaction of their own (or the caller's).
 */
@ApplicationScoped
class PanacheFeedbackStore implements FeedbackStore, PanacheRepositoryBase<FeedbackEntity, FeedbackEntityKey> {

    /**
     * Inserts, or else reads the row that is there, in one statement: a row flagged {@code inserted}, or
     * the stored row. The second branch reads with the statement's snapshot, so it misses a row that a
     * concurrent transaction committed after the statement began but before the conflict was seen: then
     * no row comes back, and {@link #find} (a new snapshot under READ COMMITTED) reads it.
     * bench/upsert-*.sql runs this very statement in pgbench.
     */
    static final String INSERT_IF_ABSENT = """
            WITH inserted AS (
                INSERT INTO message_feedback (account_sid, message_sid, outcome, date_created, date_updated)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (account_sid, message_sid) DO NOTHING
                RETURNING 1
            )
            SELECT true AS inserted, NULL AS outcome, NULL::timestamptz AS date_created, NULL::timestamptz AS date_updated
              FROM inserted
            UNION ALL
            SELECT false, outcome, date_created, date_updated
              FROM message_feedback
             WHERE account_sid = ? AND message_sid = ? AND NOT EXISTS (SELECT 1 FROM inserted)
            """;

    private final AgroalDataSource dataSource;

    PanacheFeedbackStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Optional<Feedback> insertIfAbsent(Feedback candidate) {
        String account = candidate.accountSid().value();
        String message = candidate.messageSid().value();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(INSERT_IF_ABSENT)) {
            statement.setString(1, account);
            statement.setString(2, message);
            statement.setString(3, candidate.outcome().wireName());
            statement.setObject(4, utc(candidate.dateCreated()));
            statement.setObject(5, utc(candidate.dateUpdated()));
            statement.setString(6, account);
            statement.setString(7, message);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.of(find(candidate.key())
                            .orElseThrow(() -> new IllegalStateException("conflicting feedback row not found")));
                }
                if (row.getBoolean("inserted")) {
                    return Optional.empty();
                }
                return Optional.of(new Feedback(candidate.key(), FeedbackMapper.outcome(row.getString("outcome")),
                        row.getObject("date_created", OffsetDateTime.class).toInstant(),
                        row.getObject("date_updated", OffsetDateTime.class).toInstant()));
            }
        } catch (SQLException e) {
            throw new FeedbackStoreException("insert-if-absent failed", e);
        }
    }

    @Override
    public boolean replace(Feedback expected, Feedback replacement) {
        if (!expected.key().equals(replacement.key())) {
            throw new IllegalArgumentException("a replacement keeps the key");
        }
        FeedbackEntityKey key = FeedbackMapper.toEntityKey(expected.key());
        return QuarkusTransaction.joiningExisting().call(() -> update(
                "outcome = ?1, dateUpdated = ?2 where id = ?3 and outcome = ?4 and dateUpdated = ?5",
                replacement.outcome().wireName(), replacement.dateUpdated(),
                key, expected.outcome().wireName(), expected.dateUpdated()) == 1);
    }

    @Override
    public Optional<Feedback> find(FeedbackKey key) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            FeedbackEntity entity = findById(FeedbackMapper.toEntityKey(key));
            if (entity == null) {
                return Optional.<Feedback>empty();
            }
            // Detached, so that a later find reads the database again rather than this session's copy.
            getEntityManager().detach(entity);
            return Optional.of(FeedbackMapper.toDomain(entity));
        });
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
