package dev.messagefeedback.localrunner;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Dev mode's database, without Docker: in the {@code dev} profile only, and only when no datasource URL
 * is configured, starts (or reuses) the local runner's embedded PostgreSQL 17 in {@code ./data/postgres}
 * and points the datasource at it.
 *
 * <p>This module is a {@code provided} dependency of the service: Quarkus puts it on the class path of
 * dev mode (and of the tests, where the {@code test} profile leaves this inert) but never in the
 * packaged application, so neither this class nor PostgreSQL binaries reach production.
 */
public final class DevModeDatabase implements ConfigSourceFactory {

    private static final int ORDINAL = 200; // below application.properties (250) and the environment (300)

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (!context.getProfiles().contains("dev")) {
            return List.of();
        }
        ConfigValue url = context.getValue("quarkus.datasource.jdbc.url");
        if (url != null && url.getValue() != null && !url.getValue().isBlank()) {
            return List.of();
        }
        try {
            EmbeddedDatabase database = EmbeddedDatabase.configured(System.getenv(), repositoryRoot());
            synchronized (DevModeDatabase.class) {
                if (!database.isRunning()) {
                    // Stopped by zonky's shutdown hook when dev mode ends.
                    database.start();
                }
            }
            return List.of(new PropertiesConfigSource(Map.of(
                    "quarkus.datasource.jdbc.url", database.jdbcUrl(),
                    "quarkus.datasource.username", EmbeddedDatabase.USER,
                    "quarkus.datasource.password", database.password()), "dev-mode embedded PostgreSQL", ORDINAL));
        } catch (IOException e) {
            throw new UncheckedIOException("dev mode could not start its embedded PostgreSQL", e);
        }
    }

    /** Dev mode runs in the service's module directory; the local runner's data lives at the repository root. */
    private static Path repositoryRoot() {
        Path directory = Path.of("").toAbsolutePath();
        for (Path candidate = directory; candidate != null; candidate = candidate.getParent()) {
            if (Files.isRegularFile(candidate.resolve("mvnw")) && Files.isDirectory(candidate.resolve("local-runner"))) {
                return candidate;
            }
        }
        return directory;
    }
}
