package dev.messagefeedback.adapter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.messagefeedback.application.port.out.StoreUnavailableException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A server that refuses writes, as a standby or a primary demoted in a failover does: the store's own
 * insert statement fails there with the driver's real error, and that error is unavailability (503 and
 * Retry-After at the edge), not a fault of ours (500). The server is made read-only the way an operator
 * or a failover manager does it, with {@code default_transaction_read_only}.
 */
class ReadOnlyServerTest {

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void migrateThenTurnReadOnly() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        Flyway.configure().dataSource(postgres.getPostgresDatabase()).locations("classpath:db/migration").load().migrate();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("ALTER SYSTEM SET default_transaction_read_only = on");
            statement.execute("SELECT pg_reload_conf()");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void anInsertOnAReadOnlyServerIsUnavailability() throws SQLException {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                PreparedStatement insert = connection.prepareStatement(JdbcFeedbackStore.INSERT_IF_ABSENT)) {
            insert.setString(1, "AC00000000000000000000000000000001");
            insert.setString(2, "SM00000000000000000000000000000001");
            insert.setString(3, "confirmed");
            insert.setObject(4, now);
            insert.setObject(5, now);
            insert.setString(6, "AC00000000000000000000000000000001");
            insert.setString(7, "SM00000000000000000000000000000001");
            SQLException refused = assertThrows(SQLException.class, insert::executeQuery);
            assertEquals("25006", refused.getSQLState(), refused.getMessage());
            assertInstanceOf(StoreUnavailableException.class, SqlFailures.translate("insert-if-absent", refused));
        }
    }
}
