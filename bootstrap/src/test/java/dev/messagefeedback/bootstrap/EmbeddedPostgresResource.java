package dev.messagefeedback.bootstrap;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A real PostgreSQL 17 for the tests, started once for the whole run, unless an external one is
 * configured through {@code QUARKUS_DATASOURCE_JDBC_URL}: then that one is used as it is.
 */
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedPostgres postgres;
    private static Path dataDirectory;
    private static int port;

    @Override
    public synchronized Map<String, String> start() {
        if (externalDatabaseConfigured()) {
            return Map.of();
        }
        if (postgres == null) {
            try {
                dataDirectory = Files.createTempDirectory("feedback-test-postgres");
                try (ServerSocket free = new ServerSocket(0)) {
                    port = free.getLocalPort();
                }
                postgres = startPostgres();
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

    private static EmbeddedPostgres startPostgres() throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60)) // a first start on a busy 2-core machine
                .start();
    }

    /** Stops the database, as an outage would; {@link #startAgain()} brings it back with its data. */
    static synchronized void stopForOutage() throws IOException {
        postgres.close();
    }

    static synchronized void startAgain() throws IOException {
        postgres = startPostgres();
    }
}
