package dev.messagefeedback.localrunner;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the service on a laptop with nothing installed but a JDK: starts an embedded PostgreSQL 17 whose
 * data directory survives restarts, then the service jar against it, in a child process that receives
 * the same arguments (so {@code accounts ...} runs the operator CLI against the same database).
 *
 * <p>When the embedded database is already running (the service is up and an operator runs the CLI
 * beside it), it is reused rather than started twice. When {@code QUARKUS_DATASOURCE_JDBC_URL} is set,
 * nothing embedded starts. The deployed service never contains this class nor PostgreSQL binaries.
 */
public final class LocalRunner {

    private static final String DEFAULT_DATA_DIRECTORY = "data/postgres";
    private static final int DEFAULT_PORT = 54329;
    private static final long CHILD_STOP_SECONDS = 30;

    private LocalRunner() {
    }

    /** Starts only the embedded database and keeps it up until the process is stopped (benchmarks, scripts). */
    static final String DATABASE_ONLY = "--database-only";

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        if (args.length == 1 && args[0].equals(DATABASE_ONLY)) {
            runDatabaseOnly();
            return;
        }
        Path serviceJar = serviceJar();
        Map<String, String> environment = System.getenv();
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-jar", serviceJar.toString()));
        command.addAll(List.of(args));
        ProcessBuilder service = new ProcessBuilder(command).inheritIO();
        // Production logs JSON; on a laptop, plain text reads better.
        service.environment().putIfAbsent("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");

        EmbeddedPostgres postgres = null;
        if (isBlank(environment.get("QUARKUS_DATASOURCE_JDBC_URL"))) {
            Path dataDirectory = dataDirectory(environment);
            int port = port(environment);
            if (answers(port)) {
                System.err.printf("local-runner: reusing the embedded PostgreSQL already running on port %d%n", port);
            } else {
                Files.createDirectories(dataDirectory);
                postgres = startPostgres(dataDirectory, port);
                System.err.printf("local-runner: embedded PostgreSQL 17 on port %d, data in %s%n", port, dataDirectory);
            }
            service.environment().put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://localhost:" + port + "/postgres");
            service.environment().put("QUARKUS_DATASOURCE_USERNAME", "postgres");
            service.environment().put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
            service.environment().putIfAbsent("FEEDBACK_DEMO_ACCOUNT_ENABLED", "true");
            // A fixed key, so that the digests in the persistent local database stay valid across restarts.
            service.environment().putIfAbsent("FEEDBACK_CREDENTIALS_DIGEST_KEY", "local-runner-only-digest-key-not-for-production");
        }

        Process child = service.start();
        EmbeddedPostgres started = postgres;
        Thread stopper = new Thread(() -> stop(child, started), "local-runner-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        int exitCode = child.waitFor();
        Runtime.getRuntime().removeShutdownHook(stopper);
        stop(child, started);
        System.exit(exitCode);
    }

    private static void runDatabaseOnly() throws IOException, InterruptedException {
        Map<String, String> environment = System.getenv();
        Path dataDirectory = dataDirectory(environment);
        int port = port(environment);
        Files.createDirectories(dataDirectory);
        EmbeddedPostgres postgres = startPostgres(dataDirectory, port);
        System.out.printf("local-runner: embedded PostgreSQL 17 ready: jdbc:postgresql://localhost:%d/postgres%n", port);
        System.out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(null, postgres), "local-runner-stop"));
        Thread.currentThread().join();
    }

    private static Path dataDirectory(Map<String, String> environment) {
        return Path.of(environment.getOrDefault("FEEDBACK_DATA_DIR", DEFAULT_DATA_DIRECTORY)).toAbsolutePath().normalize();
    }

    private static int port(Map<String, String> environment) {
        return Integer.parseInt(environment.getOrDefault("FEEDBACK_DB_PORT", String.valueOf(DEFAULT_PORT)));
    }

    private static EmbeddedPostgres startPostgres(Path dataDirectory, int port) throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                // Zonky tunes for throwaway test databases; this one keeps data, so make commits durable.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .start();
    }

    /** Lets the service finish its in-flight requests (SIGTERM), then stops the database under it. */
    private static void stop(Process child, EmbeddedPostgres postgres) {
        try {
            if (child != null && child.isAlive()) {
                child.destroy();
                if (!child.waitFor(CHILD_STOP_SECONDS, TimeUnit.SECONDS)) {
                    child.destroyForcibly();
                }
            }
            if (postgres != null) {
                postgres.close();
            }
        } catch (IOException e) {
            System.err.println("local-runner: could not stop PostgreSQL cleanly: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean answers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 200);
            return true;
        } catch (IOException nothingThere) {
            return false;
        }
    }

    /** The service jar built beside this one: {@code bootstrap/target/quarkus-app/quarkus-run.jar}. */
    private static Path serviceJar() throws URISyntaxException {
        String configured = System.getenv("FEEDBACK_SERVICE_JAR");
        if (!isBlank(configured)) {
            return Path.of(configured);
        }
        Path ownJar = Path.of(LocalRunner.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path candidate = ownJar.getParent().getParent().getParent()
                .resolve("bootstrap/target/quarkus-app/quarkus-run.jar").normalize();
        if (!Files.isRegularFile(candidate)) {
            throw new IllegalStateException("service jar not found at " + candidate
                    + ": build it first with ./mvnw install -DskipTests");
        }
        return candidate;
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
