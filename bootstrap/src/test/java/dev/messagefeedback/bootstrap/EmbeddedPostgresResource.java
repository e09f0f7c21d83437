package dev.messagefeedback.bootstrap;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A real PostgreSQL 17 for the tests, started once for the whole run, unless an external one is
 * configured through {@code QUARKUS_DATASOURCE_JDBC_URL}: then that one is used as it is.
 */
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedPostgres postgres;

    @Override
    public synchronized Map<String, String> start() {
        if (externalDatabaseConfigured()) {
            return Map.of();
        }
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
            }
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.getJdbcUrl("postgres", "postgres"),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres");
    }

    @Override
    public synchronized void stop() {
        // Kept for the whole JVM: every @QuarkusTest shares the one database; the JVM's exit stops it.
    }

    static boolean externalDatabaseConfigured() {
        String url = System.getenv("QUARKUS_DATASOURCE_JDBC_URL");
        return url != null && !url.isBlank();
    }

    /** The running embedded database, for tests that stop and start it. */
    static synchronized EmbeddedPostgres embedded() {
        return postgres;
    }
}
