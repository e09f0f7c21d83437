package dev.messagefeedback.bootstrap;

import dev.messagefeedback.adapter.cli.OperatorCommandLine;
import io.quarkus.runtime.ApplicationLifecycleManager;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusBindException;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One artifact, two uses: without arguments it serves the API; with {@code accounts ...},
 * {@code keys ...} or {@code migrate} it runs the operator command line against the configured
 * database and exits, without opening the HTTP port (so it runs beside a serving replica).
 *
 * <p>The command line starts the same application with settings that suit a short-lived command:
 * no HTTP, no migration unless the command is {@code migrate} (the others only validate the schema
 * and refuse when it is behind), a connection pool that waits for the database in seconds rather than
 * the request path's fraction of a second, and no start-up log: every failure is one line on stderr.
 */
@QuarkusMain
public class Main {

    public static void main(String... args) {
        if (!OperatorCommandLine.handles(args)) {
            // Named explicitly: with picocli on the class path, Quarkus's default application would be
            // picocli's runner, not the service.
            Quarkus.run(Service.class, Main::serviceExit, args);
            return;
        }
        // Help, the version and misuse are answered at once, before any configuration is read or any
        // connection opened: they work on a machine with no database and no settings at all.
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        OptionalInt answered = OperatorCommandLine.answerWithoutTheApplication(List.of(args), out, err);
        if (answered.isPresent()) {
            System.exit(answered.getAsInt());
        }
        boolean migrate = OperatorCommandLine.migrates(args);
        Map<String, String> settings = Map.ofEntries(
                Map.entry("quarkus.http.host-enabled", "false"),
                Map.entry("quarkus.management.host-enabled", "false"),
                Map.entry("quarkus.banner.enabled", "false"),
                Map.entry("quarkus.log.console.enabled", "false"),
                Map.entry("quarkus.flyway.migrate-at-start", String.valueOf(migrate)),
                Map.entry("quarkus.flyway.validate-at-start", String.valueOf(!migrate)),
                Map.entry("feedback.demo-account.enabled", "false"),
                Map.entry("quarkus.datasource.jdbc.min-size", "0"),
                Map.entry("quarkus.datasource.jdbc.initial-size", "0"),
                Map.entry("quarkus.datasource.jdbc.max-size", "2"),
                Map.entry("quarkus.datasource.jdbc.acquisition-timeout", "15S"),
                Map.entry("quarkus.datasource.jdbc.additional-jdbc-properties.connectTimeout", "5"),
                Map.entry("quarkus.datasource.jdbc.additional-jdbc-properties.socketTimeout", "60"),
                Map.entry("quarkus.datasource.jdbc.additional-jdbc-properties.options", "-c statement_timeout=30000"));
        // System properties outrank the environment and application.properties; an operator can still
        // override any of these with -D on the java command line.
        settings.forEach((key, value) -> {
            if (System.getProperty(key) == null) {
                System.setProperty(key, value);
            }
        });
        Quarkus.run(OperatorCommandLineApplication.class, Main::exit, args);
    }

    /** Quarkus's own ending, after saying which variables move a port that was taken. */
    private static void serviceExit(int exitCode, Throwable failure) {
        if (failure != null) {
            // Straight to standard error, as Quarkus prints a configuration error: the console log is
            // asynchronous (quarkus.log.console.async), and a record queued now could be lost at exit.
            // Quarkus's own account of a start failure (an unreachable database, an unknown feedback.*
            // property) is a log record, which the asynchronous JSON console did not write in any run here
            // before the JVM exited: the process ended with status 1 and said nothing. Hence one line, always.
            System.err.println(busyPortAdvice(failure, configuredPort("quarkus.http.port"), configuredPort("quarkus.management.port"))
                    .orElseGet(() -> startFailure(failure)));
            // What Quarkus logged about the failure may still be queued for the asynchronous console:
            // give it time to be written, as Quarkus does for the start failures it does not recognise.
            // (Its own lines about a taken port were not printed in any run here, hence the line above.)
            try {
                Thread.sleep(CONSOLE_DRAIN_MILLIS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        ApplicationLifecycleManager.getDefaultExitCodeHandler().accept(exitCode, failure);
    }

    private static final long CONSOLE_DRAIN_MILLIS = 300;

    /**
     * When the start failed because a port was taken (Quarkus has said which, and how to find who holds
     * it): the variables that move the service's two ports, with their values now.
     */
    static Optional<String> busyPortAdvice(Throwable failure, OptionalInt httpPort, OptionalInt managementPort) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof QuarkusBindException bind) {
                return Optional.of("error: port " + bind.getPort() + " is taken (by another process, or this service already runs)."
                        + " Move the API with QUARKUS_HTTP_PORT (now " + shown(httpPort) + ") and health and metrics with QUARKUS_MANAGEMENT_PORT (now "
                        + shown(managementPort) + "), e.g. QUARKUS_HTTP_PORT=8081 QUARKUS_MANAGEMENT_PORT=9001.");
            }
        }
        return Optional.empty();
    }

    /** Any other start failure, in one line: what failed, and the innermost cause (usually the reason). */
    static String startFailure(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String line = "error: the service did not start: " + firstLine(failure);
        return root == failure ? line : line + " (cause: " + firstLine(root) + ")";
    }

    private static String firstLine(Throwable failure) {
        String message = String.valueOf(failure.getMessage()).strip();
        int end = message.indexOf('\n');
        return failure.getClass().getSimpleName() + ": " + (end < 0 ? message : message.substring(0, end).strip());
    }

    private static String shown(OptionalInt port) {
        return port.isPresent() ? String.valueOf(port.getAsInt()) : "unknown";
    }

    private static OptionalInt configuredPort(String key) {
        try {
            return ConfigProvider.getConfig().getOptionalValue(key, Integer.class).map(OptionalInt::of).orElse(OptionalInt.empty());
        } catch (RuntimeException configurationGone) {
            return OptionalInt.empty();
        }
    }

    private static void exit(int exitCode, Throwable failure) {
        if (failure != null) {
            System.err.println(describeStartFailure(failure));
            System.err.flush();
            System.exit(OperatorCommandLine.REFUSED);
        }
        System.exit(exitCode);
    }

    /** The command could not even start: the database is unreachable, refuses us, or is behind. */
    static String describeStartFailure(Throwable failure) {
        Throwable root = failure;
        StringBuilder chain = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            chain.append(cause.getMessage()).append('\n');
            root = cause;
        }
        String all = chain.toString();
        if (all.contains("not applied to database") || all.contains("Schema validation")) {
            return "refused: the database schema is behind this version: run `migrate` first, then retry";
        }
        if (root instanceof java.net.ConnectException || root instanceof java.net.UnknownHostException
                || root instanceof java.net.SocketTimeoutException) {
            return "error: cannot reach the database (" + root.getMessage()
                    + "): check QUARKUS_DATASOURCE_JDBC_URL and that PostgreSQL is running";
        }
        return "error: the command could not start: " + root.getMessage();
    }

    /** The service: serves until it is stopped (SIGTERM, Ctrl-C). */
    public static class Service implements QuarkusApplication {

        @Override
        public int run(String... args) {
            Quarkus.waitForExit();
            return 0;
        }
    }

    /** The command line as a Quarkus application: it returns, and its exit code is the process's. */
    public static class OperatorCommandLineApplication implements QuarkusApplication {

        @Inject
        OperatorCommandLine commandLine;

        @Override
        public int run(String... args) {
            return commandLine.run(List.of(args), new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                    new PrintWriter(System.err, true, StandardCharsets.UTF_8));
        }
    }
}
