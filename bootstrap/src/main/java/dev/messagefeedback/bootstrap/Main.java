package dev.messagefeedback.bootstrap;

import dev.messagefeedback.adapter.cli.AccountsCommandLine;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;
import java.util.List;

/**
 * One artifact, two uses: without arguments it serves the API; with {@code accounts ...} or
 * {@code keys ...} it runs the operator command line against the configured database and exits,
 * without opening the HTTP port (so it runs beside a serving replica).
 */
@QuarkusMain
public class Main {

    public static void main(String... args) {
        if (AccountsCommandLine.handles(args)) {
            System.setProperty("quarkus.http.host-enabled", "false");
            System.setProperty("quarkus.management.host-enabled", "false");
            System.setProperty("quarkus.banner.enabled", "false");
            System.setProperty("quarkus.log.level", "WARN");
            Quarkus.run(OperatorCommandLine.class, args);
        } else {
            Quarkus.run(args);
        }
    }

    /** The command line as a Quarkus application: it returns, and its exit code is the process's. */
    public static class OperatorCommandLine implements QuarkusApplication {

        @Inject
        AccountsCommandLine commandLine;

        @Override
        public int run(String... args) {
            return commandLine.run(List.of(args), System.out, System.err);
        }
    }
}
