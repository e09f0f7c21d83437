package dev.messagefeedback.adapter.persistence;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.StringJoiner;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The plan PostgreSQL caches for the group commit's statement is made while the table may be empty (a
 * fresh deployment) and kept until the next ANALYZE, while the table grows. It must find stored rows
 * by key, never by reading the table: the plain join it replaced hashed the input and scanned the whole
 * table once per batch (BENCHMARKS.md). EXPLAIN (GENERIC_PLAN) shows the plan a prepared statement gets
 * whatever its parameters, here on the migrated, empty schema.
 */
class GenericPlanTest {

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void migrateAnEmptyDatabase() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        Flyway.configure().dataSource(postgres.getPostgresDatabase()).locations("classpath:db/migration").load().migrate();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void onAnEmptyTableTheGroupCommitProbesThePrimaryKeyInsteadOfReadingTheTable() throws SQLException {
        String plan = genericPlanOf(JdbcFeedbackStore.INSERT_ALL_IF_ABSENT);
        assertFalse(plan.contains("Seq Scan on message_feedback"), plan);
        assertTrue(plan.contains("Index Scan using message_feedback_pk"), plan);
    }

    private static String genericPlanOf(String sql) throws SQLException {
        StringBuilder numbered = new StringBuilder();
        int parameter = 0;
        for (char c : sql.toCharArray()) {
            numbered.append(c == '?' ? "$" + ++parameter : String.valueOf(c));
        }
        // The simple query protocol, so that the driver leaves $1... to EXPLAIN instead of binding them.
        try (Connection connection = postgres.getDatabase("postgres", "postgres", Map.of("preferQueryMode", "simple")).getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("EXPLAIN (GENERIC_PLAN) " + numbered)) {
            StringJoiner plan = new StringJoiner("\n");
            while (rows.next()) {
                plan.add(rows.getString(1));
            }
            return plan.toString();
        }
    }
}
