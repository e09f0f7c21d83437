package dev.messagefeedback.adapter.persistence;

import dev.messagefeedback.application.port.out.FeedbackStore;
import dev.messagefeedback.domain.AccountSid;
import dev.messagefeedback.domain.Feedback;
import dev.messagefeedback.domain.FeedbackKey;
import dev.messagefeedback.domain.MessageSid;
import dev.messagefeedback.domain.Outcome;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The feedback store on PostgreSQL, in plain JDBC: the hot path of every POST.
 *
 * <p>{@link #insertAllIfAbsent} is one statement, in autocommit, for all the POSTs the use case grouped
 * into one batch (one commit, one WAL flush for all of them), and for a lone POST a single-row statement
 * (the one the benchmark also runs in pgbench, so that the two are compared like for like). Inside a
 * caller's transaction (tests, callers that want one) the pool hands out the transaction's connection
 * and the statement simply joins it. Plain JDBC, not an entity manager: the statements need nothing an
 * entity manager offers, and its per-request session, result mapping and JTA bookkeeping were a measured
 * share of the service's CPU (docs/performance.md). Confirmations are one compare-and-set statement for
 * all of them ({@link #replaceAll}), in autocommit too. Every row is read by {@link #storedRow}.
 *
 * <p>The per-day counts that {@link JdbcFeedbackCountStore} reads follow every row written here, in the
 * same statement: migration V3's triggers keep them (docs/persistence.md, "Counts"). Failures reach the
 * application as the ports declare them ({@link SqlFailures}).
 */
@ApplicationScoped
class JdbcFeedbackStore implements FeedbackStore {

    /**
     * Inserts, or else reads the row that is there, in one statement: a row flagged {@code inserted}, or
     * the stored row. The second branch reads with the statement's snapshot, so it misses a row that a
     * concurrent transaction committed after the statement began but before the conflict was seen: then
     * no row comes back, and {@link #find} (a new snapshot under READ COMMITTED) reads it.
     * The benchmark runs this very statement in pgbench (bench/upsert.sql, kept equal by a test).
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

    /**
     * {@link #INSERT_IF_ABSENT} for many rows at once: the rows come as arrays, one per column, and every
     * input row gets one result row, either flagged {@code inserted} or with the stored values (or with
     * nulls, for the same snapshot reason as above). Rows are inserted in the order given: callers sort
     * them by key, so that two batches with overlapping keys lock them in the same order and never
     * deadlock each other.
     *
     * <p>The stored values are looked up one key at a time, only for the rows that were not inserted:
     * {@code LIMIT 1} looks redundant (the key is the primary key) but is what keeps the planner from
     * flattening the {@code LATERAL} subquery back into a join ({@code GenericPlanTest} checks the plan). Written as a plain
     * join, the plan PostgreSQL caches for this prepared statement while the table is small (a fresh
     * deployment) hashes the input and reads the whole table once per batch; it keeps that plan until
     * the next automatic ANALYZE, up to a minute later, while the table grows: throughput fell from
     * 2,700 to 1,000 POSTs a second within 30 s of a benchmark on an empty table (BENCHMARKS.md).
     */
    static final String INSERT_ALL_IF_ABSENT = """
            WITH input AS (
                SELECT account_sid, message_sid, outcome, date_created::timestamptz, date_updated::timestamptz, position
                  FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                       WITH ORDINALITY AS rows (account_sid, message_sid, outcome, date_created, date_updated, position)
            ), inserted AS (
                INSERT INTO message_feedback (account_sid, message_sid, outcome, date_created, date_updated)
                SELECT account_sid, message_sid, outcome, date_created, date_updated FROM input ORDER BY position
                ON CONFLICT (account_sid, message_sid) DO NOTHING
                RETURNING account_sid, message_sid
            )
            SELECT input.position, inserted.message_sid IS NOT NULL AS inserted,
                   stored.outcome, stored.date_created, stored.date_updated
              FROM input
              LEFT JOIN inserted
                ON inserted.account_sid = input.account_sid AND inserted.message_sid = input.message_sid
              LEFT JOIN LATERAL (
                   SELECT outcome, date_created, date_updated
                     FROM message_feedback
                    WHERE inserted.message_sid IS NULL
                      AND message_feedback.account_sid = input.account_sid
                      AND message_feedback.message_sid = input.message_sid
                    LIMIT 1
              ) stored ON true
            """;

    /**
     * Compare-and-set for many rows at once: each row whose outcome and update time are still the
     * expected ones gets its replacement, and comes back. Pairs are given in key order, as the rows are
     * then locked (nested loop over the arrays), like the inserts above.
     */
    static final String REPLACE_ALL = """
            UPDATE message_feedback AS stored
               SET outcome = change.new_outcome, date_updated = change.new_updated::timestamptz
              FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                   AS change (account_sid, message_sid, old_outcome, old_updated, new_outcome, new_updated)
             WHERE stored.account_sid = change.account_sid AND stored.message_sid = change.message_sid
               AND stored.outcome = change.old_outcome AND stored.date_updated = change.old_updated::timestamptz
            RETURNING stored.account_sid, stored.message_sid
            """;

    private static final Comparator<Feedback> LOCK_ORDER = Comparator
            .comparing((Feedback feedback) -> feedback.accountSid().value())
            .thenComparing(feedback -> feedback.messageSid().value());

    private final AgroalDataSource dataSource;
    private final FeedbackStoreMetrics metrics;

    JdbcFeedbackStore(AgroalDataSource dataSource, FeedbackStoreMetrics metrics) {
        this.dataSource = dataSource;
        this.metrics = metrics;
    }

    /** One statement for all; a duplicate of a key after its first sees the first as stored. */
    @Override
    public List<Optional<Feedback>> insertAllIfAbsent(List<Feedback> candidates) {
        long started = System.nanoTime();
        try {
            return insertEachKeyOnce(candidates);
        } finally {
            metrics.batchWritten(candidates.size(), System.nanoTime() - started);
        }
    }

    private List<Optional<Feedback>> insertEachKeyOnce(List<Feedback> candidates) {
        if (candidates.size() == 1) {
            return List.of(insertOneIfAbsent(candidates.get(0)));
        }
        Map<FeedbackKey, Feedback> firstOfKey = new LinkedHashMap<>();
        for (Feedback candidate : candidates) {
            firstOfKey.putIfAbsent(candidate.key(), candidate);
        }
        List<Feedback> rows = new ArrayList<>(firstOfKey.values());
        rows.sort(LOCK_ORDER);
        Map<FeedbackKey, Optional<Feedback>> stored = rows.size() == 1
                ? Map.of(rows.get(0).key(), insertOneIfAbsent(rows.get(0)))
                : insertRowsIfAbsent(rows);
        List<Optional<Feedback>> results = new ArrayList<>(candidates.size());
        for (Feedback candidate : candidates) {
            Feedback first = firstOfKey.get(candidate.key());
            Optional<Feedback> firstResult = stored.get(candidate.key());
            if (candidate == first) {
                results.add(firstResult);
            } else {
                // Written after its first in the same commit: it finds what the first found, or the first.
                results.add(firstResult.isPresent() ? firstResult : Optional.of(first));
            }
        }
        return results;
    }

    private Map<FeedbackKey, Optional<Feedback>> insertRowsIfAbsent(List<Feedback> rows) {
        int size = rows.size();
        String[][] columns = new String[5][size];
        for (int i = 0; i < size; i++) {
            Feedback row = rows.get(i);
            columns[0][i] = row.accountSid().value();
            columns[1][i] = row.messageSid().value();
            columns[2][i] = row.outcome().wireName();
            columns[3][i] = row.dateCreated().toString();
            columns[4][i] = row.dateUpdated().toString();
        }
        Map<FeedbackKey, Optional<Feedback>> results = new HashMap<>();
        List<FeedbackKey> unseen = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = withTextArrays(connection, INSERT_ALL_IF_ABSENT, columns)) {
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    FeedbackKey key = rows.get(row.getInt("position") - 1).key();
                    if (row.getBoolean("inserted")) {
                        results.put(key, Optional.empty());
                    } else if (row.getString("outcome") == null) {
                        unseen.add(key);
                    } else {
                        results.put(key, Optional.of(storedRow(key, row)));
                    }
                }
            }
        } catch (SQLException e) {
            throw SqlFailures.translate("insert-all-if-absent", e);
        }
        for (FeedbackKey key : unseen) {
            results.put(key, Optional.of(find(key)
                    .orElseThrow(() -> new IllegalStateException("conflicting feedback row not found"))));
        }
        if (results.size() != size) {
            throw new IllegalStateException(size + " rows written, " + results.size() + " results read");
        }
        return results;
    }

    private Optional<Feedback> insertOneIfAbsent(Feedback candidate) {
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
                return Optional.of(storedRow(candidate.key(), row));
            }
        } catch (SQLException e) {
            throw SqlFailures.translate("insert-if-absent", e);
        }
    }

    /** One statement whatever the number of pairs (a lone compare-and-set included): one round trip, one commit. */
    @Override
    public List<Boolean> replaceAll(List<Feedback> expected, List<Feedback> replacements) {
        long started = System.nanoTime();
        try {
            return replaceInLockOrder(expected, replacements);
        } finally {
            metrics.batchReplaced(System.nanoTime() - started);
        }
    }

    private List<Boolean> replaceInLockOrder(List<Feedback> expected, List<Feedback> replacements) {
        int size = expected.size();
        if (replacements.size() != size) {
            throw new IllegalArgumentException("one replacement per expected feedback");
        }
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
            if (!expected.get(i).key().equals(replacements.get(i).key())) {
                throw new IllegalArgumentException("a replacement keeps the key");
            }
        }
        Arrays.sort(order, Comparator.comparing(expected::get, LOCK_ORDER));
        String[][] columns = new String[6][size];
        for (int n = 0; n < size; n++) {
            Feedback before = expected.get(order[n]);
            Feedback after = replacements.get(order[n]);
            columns[0][n] = before.accountSid().value();
            columns[1][n] = before.messageSid().value();
            columns[2][n] = before.outcome().wireName();
            columns[3][n] = before.dateUpdated().toString();
            columns[4][n] = after.outcome().wireName();
            columns[5][n] = after.dateUpdated().toString();
        }
        Set<FeedbackKey> replaced = new HashSet<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = withTextArrays(connection, REPLACE_ALL, columns);
                ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                replaced.add(new FeedbackKey(new AccountSid(row.getString(1)), new MessageSid(row.getString(2))));
            }
        } catch (SQLException e) {
            throw SqlFailures.translate("replace-all", e);
        }
        List<Boolean> results = new ArrayList<>(size);
        for (Feedback before : expected) {
            results.add(replaced.contains(before.key()));
        }
        return results;
    }

    static final String FIND = """
            SELECT outcome, date_created, date_updated
              FROM message_feedback
             WHERE account_sid = ? AND message_sid = ?
            """;

    @Override
    public Optional<Feedback> find(FeedbackKey key) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(FIND)) {
            statement.setString(1, key.accountSid().value());
            statement.setString(2, key.messageSid().value());
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(storedRow(key, row)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw SqlFailures.translate("find", e);
        }
    }

    /** The statement with one {@code text[]} parameter per column, in order. */
    private static PreparedStatement withTextArrays(Connection connection, String sql, String[][] columns)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int c = 0; c < columns.length; c++) {
                statement.setArray(c + 1, connection.createArrayOf("text", columns[c]));
            }
            return statement;
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
    }

    /** The one mapping of a stored row (outcome, date_created, date_updated) to the domain. */
    private static Feedback storedRow(FeedbackKey key, ResultSet row) throws SQLException {
        return new Feedback(key, Outcome.fromWireName(row.getString("outcome"))
                        .orElseThrow(() -> new IllegalStateException("unknown stored outcome")),
                row.getObject("date_created", OffsetDateTime.class).toInstant(),
                row.getObject("date_updated", OffsetDateTime.class).toInstant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
