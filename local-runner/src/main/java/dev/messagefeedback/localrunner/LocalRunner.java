package dev.messagefeedback.localrunner;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs the service on a laptop with nothing installed but a JDK: starts an embedded PostgreSQL 17 whose
 * data directory survives restarts (see {@link EmbeddedDatabase}), then the service jar against it, in a
 * child process that receives the same arguments (so {@code accounts ...} runs the operator CLI against
 * the same database).
 *
 * <p>The API listens on 127.0.0.1 only, unless {@value #LISTEN_ALL} is given (or {@code QUARKUS_HTTP_HOST}
 * is set): the demo account's token is published in the README. When the embedded database is already
 * running (the service is up and an operator runs the CLI beside it), it is reused rather than started
 * twice. When {@code QUARKUS_DATASOURCE_JDBC_URL} is set, nothing embedded starts. The deployed service
 * never contains this class nor PostgreSQL binaries.
 *
 * <p>Ctrl-C or SIGTERM stops the service (its in-flight requests finish), then PostgreSQL, and exits 0.
 */
public final class LocalRunner {

    /** Starts only the embedded database and keeps it up until the process is stopped (benchmarks, scripts). */
    static final String DATABASE_ONLY = "--database-only";
    /** Serve the API on every interface instead of the loopback one. */
    static final String LISTEN_ALL = "--listen-all-interfaces";
    private static final long CHILD_STOP_SECONDS = 30;
    /** The Java release the service is compiled for and its AOT cache made with (the root pom's). */
    private static final int SERVICE_JAVA = 25;
    /** JVM settings for a short-lived CLI command: start-up matters, peak throughput does not. */
    private static final List<String> CLI_JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private LocalRunner() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        List<String> arguments = new ArrayList<>(List.of(args));
        if (arguments.equals(List.of(DATABASE_ONLY))) {
            runDatabaseOnly();
            return;
        }
        boolean listenAll = arguments.remove(LISTEN_ALL);
        boolean cli = !arguments.isEmpty();
        // Help touches nothing: no database is started or reused, the service jar answers on its own.
        boolean helpOnly = cli && asksOnlyForHelp(arguments);
        Map<String, String> environment = System.getenv();
        Path serviceJar = serviceJar();
        List<String> command = new ArrayList<>(List.of(javaExecutable()));
        if (cli) {
            command.addAll(CLI_JVM_OPTIONS);
        }
        command.addAll(AotCache.jvmOptions(serviceJar));
        command.addAll(List.of("-jar", serviceJar.toString()));
        command.addAll(arguments);
        ProcessBuilder service = new ProcessBuilder(command).inheritIO();
        // Production logs JSON; on a laptop, plain text reads better.
        service.environment().putIfAbsent("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        String host = listenAll ? "0.0.0.0" : "127.0.0.1";
        service.environment().putIfAbsent("QUARKUS_HTTP_HOST", host);
        service.environment().putIfAbsent("QUARKUS_MANAGEMENT_HOST", host);

        EmbeddedDatabase database = null;
        EmbeddedPostgres postgres = null;
        if (!helpOnly && isBlank(environment.get("QUARKUS_DATASOURCE_JDBC_URL"))) {
            database = EmbeddedDatabase.configured(environment, Path.of(""));
            if (database.isRunning()) {
                if (!cli) {
                    System.err.printf("local-runner: reusing the embedded PostgreSQL already running on port %d%n", database.port());
                }
            } else {
                try {
                    postgres = database.start();
                } catch (IOException | RuntimeException e) {
                    System.err.printf("local-runner: could not start the embedded PostgreSQL on port %d with data in %s: %s%n",
                            database.port(), database.dataDirectory(), e.getMessage());
                    System.exit(1);
                }
                System.err.printf("local-runner: embedded PostgreSQL 17 on 127.0.0.1:%d, data in %s%n",
                        database.port(), database.dataDirectory());
            }
            service.environment().put("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl());
            service.environment().put("QUARKUS_DATASOURCE_USERNAME", EmbeddedDatabase.USER);
            service.environment().put("QUARKUS_DATASOURCE_PASSWORD", database.password());
            service.environment().putIfAbsent("FEEDBACK_DEMO_ACCOUNT_ENABLED", "true");
            // A laptop's first connection (cold JVM, a busy machine) can take longer than the request path's
            // 0.7 s: with that limit, Flyway at start-up failed. Production keeps 0.7 s.
            service.environment().putIfAbsent("QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT", "5S");
            // A fixed key, so that the digests in the persistent local database stay valid across restarts
            // (dev mode uses the same one on the same database).
            service.environment().putIfAbsent("FEEDBACK_CREDENTIALS_DIGEST_KEY", "local-only-digest-key-never-used-in-production");
        }

        Process child = service.start();
        AtomicBoolean signalled = new AtomicBoolean();
        EmbeddedDatabase db = database;
        EmbeddedPostgres started = postgres;
        Thread stopper = new Thread(() -> {
            signalled.set(true);
            stop(child, db, started);
            // A stop asked for (Ctrl-C, SIGTERM) that went cleanly is a success, not a signal death.
            Runtime.getRuntime().halt(0);
        }, "local-runner-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        int exitCode = child.waitFor();
        if (signalled.get()) {
            stopper.join(); // the hook stops everything and ends the process
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(stopper);
        } catch (IllegalStateException shutdownAlreadyStarted) {
            stopper.join();
            return;
        }
        stop(child, db, started);
        if (exitCode == 0 && arguments.size() == 1 && List.of("--help", "-h", "help").contains(arguments.get(0))) {
            System.out.printf("%nThe local runner (this jar) also takes:%n"
                    + "  (no arguments)            the service on 127.0.0.1:8080 and an embedded PostgreSQL 17 in ./data%n"
                    + "  %s   serve the API on every interface, not only the loopback one%n"
                    + "  %s           only the embedded PostgreSQL, until stopped%n"
                    + "Ports: QUARKUS_HTTP_PORT (8080), QUARKUS_MANAGEMENT_PORT (9000), FEEDBACK_DB_PORT (54329).%n",
                    LISTEN_ALL, DATABASE_ONLY);
        }
        System.exit(exitCode);
    }

    private static void runDatabaseOnly() throws IOException, InterruptedException {
        EmbeddedDatabase database = EmbeddedDatabase.configured(System.getenv(), Path.of(""));
        EmbeddedPostgres postgres = database.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop(null, database, postgres);
            Runtime.getRuntime().halt(0);
        }, "local-runner-stop"));
        System.out.printf("local-runner: embedded PostgreSQL 17 ready: %s (user %s)%n", database.jdbcUrl(), EmbeddedDatabase.USER);
        System.out.flush();
        Thread.currentThread().join();
    }

    /** Lets the service finish its in-flight requests (SIGTERM), then stops the database under it. */
    private static void stop(Process child, EmbeddedDatabase database, EmbeddedPostgres postgres) {
        try {
            if (child != null && child.isAlive()) {
                child.destroy();
                if (!child.waitFor(CHILD_STOP_SECONDS, TimeUnit.SECONDS)) {
                    child.destroyForcibly();
                }
            }
            if (postgres != null) {
                database.stop(postgres);
                System.err.println("local-runner: PostgreSQL stopped");
            }
        } catch (IOException e) {
            System.err.println("local-runner: could not stop PostgreSQL cleanly: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
            System.err.println("local-runner: the service jar is not at " + candidate + ": build it first with ./mvnw package -DskipTests");
            System.exit(2);
        }
        return candidate;
    }

    /**
     * The JDK 25 the service is built for: this JVM when it is one, else the first JDK 25 of JAVA_HOME
     * and the usual install locations (as ./mvnw's .mvn/jdk25.sh looks): this launcher is compiled for
     * Java 17, so that the README's {@code java -jar} works where {@code java} on the PATH is older.
     */
    private static String javaExecutable() {
        if (Runtime.version().feature() == SERVICE_JAVA) {
            return Path.of(System.getProperty("java.home"), "bin", "java").toString();
        }
        List<Path> candidates = new ArrayList<>();
        String javaHome = System.getenv("JAVA_HOME");
        if (!isBlank(javaHome)) {
            candidates.add(Path.of(javaHome));
        }
        String home = System.getProperty("user.home");
        for (Path parent : List.of(Path.of("/usr/lib/jvm"), Path.of(home, ".sdkman", "candidates", "java"),
                Path.of("/Library/Java/JavaVirtualMachines"), Path.of("/opt/java"))) {
            try (var children = Files.list(parent)) {
                children.sorted(java.util.Comparator.reverseOrder())
                        .map(child -> Files.isDirectory(child.resolve("Contents/Home")) ? child.resolve("Contents/Home") : child)
                        .forEach(candidates::add);
            } catch (IOException absent) {
                // not on this machine
            }
        }
        for (Path candidate : candidates) {
            Path java = candidate.resolve("bin").resolve("java");
            if (Files.isExecutable(java) && isJava(candidate.resolve("release"), SERVICE_JAVA)) {
                return java.toString();
            }
        }
        System.err.println("local-runner: the service needs a Java " + SERVICE_JAVA + " and none was found (JAVA_HOME, /usr/lib/jvm, "
                + "~/.sdkman, /Library/Java): install one, e.g. Temurin " + SERVICE_JAVA + ", or set JAVA_HOME to it");
        System.exit(2);
        return null;
    }

    private static boolean isJava(Path releaseFile, int feature) {
        try {
            return Files.readAllLines(releaseFile).stream()
                    .anyMatch(line -> line.startsWith("JAVA_VERSION=\"" + feature + ".") || line.equals("JAVA_VERSION=\"" + feature + "\""));
        } catch (IOException unreadable) {
            return false;
        }
    }

    /** The operator command line's help and version: what the service jar answers without a database. */
    static boolean asksOnlyForHelp(List<String> arguments) {
        return arguments.get(0).equals("help") || arguments.stream().anyMatch(List.of("--help", "-h", "--version", "-V")::contains);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
