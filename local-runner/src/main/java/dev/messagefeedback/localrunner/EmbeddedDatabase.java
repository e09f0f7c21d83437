package dev.messagefeedback.localrunner;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The laptop's PostgreSQL 17 (zonky's embedded binaries), shared by the local runner and dev mode: a
 * data directory that survives restarts, listening on the loopback interface only, and password
 * authentication ({@code scram-sha-256}) for every connection, never {@code trust}.
 *
 * <p>The superuser's password is {@code FEEDBACK_DB_PASSWORD} when set; otherwise one is generated at
 * the first start and kept beside the data directory ({@code <data dir>.password}, readable by its
 * owner only), so the runner, the CLI and dev mode all find it. A data directory made by an older
 * runner (with {@code trust}) is switched to passwords at its next start.
 */
public final class EmbeddedDatabase {

    public static final String USER = "postgres";
    static final String DEFAULT_DATA_DIRECTORY = "data/postgres";
    static final int DEFAULT_PORT = 54329;
    private static final String HBA = """
            # Written by the local runner: every connection needs the password (scram-sha-256).
            local all all scram-sha-256
            host all all 127.0.0.1/32 scram-sha-256
            host all all ::1/128 scram-sha-256
            """;

    private final Path dataDirectory;
    private final int port;
    private final String password;

    private EmbeddedDatabase(Path dataDirectory, int port, String password) {
        this.dataDirectory = dataDirectory;
        this.port = port;
        this.password = password;
    }

    /** The database the environment names ({@code FEEDBACK_DATA_DIR}, {@code FEEDBACK_DB_PORT}), relative to {@code base}. */
    public static EmbeddedDatabase configured(Map<String, String> environment, Path base) throws IOException {
        Path dataDirectory = base.resolve(environment.getOrDefault("FEEDBACK_DATA_DIR", DEFAULT_DATA_DIRECTORY))
                .toAbsolutePath().normalize();
        int port = Integer.parseInt(environment.getOrDefault("FEEDBACK_DB_PORT", String.valueOf(DEFAULT_PORT)));
        String password = environment.get("FEEDBACK_DB_PASSWORD");
        if (password == null || password.isBlank()) {
            password = storedOrNewPassword(dataDirectory.resolveSibling(dataDirectory.getFileName() + ".password"));
        }
        return new EmbeddedDatabase(dataDirectory, port, password);
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    public String password() {
        return password;
    }

    public int port() {
        return port;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** Whether something already listens on the port (this database, started by another process). */
    public boolean isRunning() {
        // A postmaster.pid means another process runs it (or ran it and died): on a machine too busy to
        // accept a connection at once, keep asking for a few seconds rather than start it a second time.
        int attempts = Files.exists(dataDirectory.resolve("postmaster.pid")) ? 10 : 1;
        for (int attempt = 0; attempt < attempts; attempt++) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                return true;
            } catch (IOException notYet) {
                // refused or timed out: try again while a postmaster.pid says it should be there
            }
        }
        return false;
    }

    /** How long a start may take before the runner gives up. */
    static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

    public EmbeddedPostgres start() throws IOException {
        Files.createDirectories(dataDirectory.getParent());
        Path passwordFile = Files.createTempFile("feedback-pg", ".pw",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(passwordFile, password + "\n");
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    // Zonky gives up after 10 s; a first start (initdb, then the server) on a loaded
                    // machine took longer here, and the runner then exited before serving anything.
                    .setPGStartupWait(STARTUP_WAIT)
                    // initdb: these come after zonky's own "-A trust" and win over it.
                    .setLocaleConfig("auth", "scram-sha-256")
                    .setLocaleConfig("pwfile", passwordFile.toString())
                    .setConnectConfig("password", password)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    // Key stretching protects guessable passwords; this one is 128 random bits, and 4,096
                    // rounds in a cold JVM on a busy laptop can exceed the pool's 0.7 s acquisition timeout.
                    .setServerConfig("scram_iterations", "16")
                    // Zonky tunes for throwaway test databases; this one keeps data, so make commits durable.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .start();
            requirePasswords(postgres);
            return postgres;
        } finally {
            Files.deleteIfExists(passwordFile);
        }
    }

    /** Stops it, and waits (bounded) until the postmaster is gone. */
    public void stop(EmbeddedPostgres postgres) throws IOException, InterruptedException {
        postgres.close();
        Path pid = dataDirectory.resolve("postmaster.pid");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (Files.exists(pid) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    /**
     * Writes this runner's pg_hba.conf once (initdb's own also allows replication connections), and
     * converts a data directory initialised with {@code trust} by an older runner: set the password, then require it.
     */
    private void requirePasswords(EmbeddedPostgres postgres) throws IOException {
        Path hba = dataDirectory.resolve("pg_hba.conf");
        if (Files.readString(hba).equals(HBA)) {
            return;
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("ALTER USER postgres PASSWORD '" + password.replace("'", "''") + "'");
            Files.writeString(hba, HBA);
            statement.execute("SELECT pg_reload_conf()");
        } catch (SQLException e) {
            throw new IOException("could not switch the embedded PostgreSQL to password authentication", e);
        }
    }

    private static String storedOrNewPassword(Path file) throws IOException {
        if (Files.isRegularFile(file)) {
            return Files.readString(file).strip();
        }
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        String password = HexFormat.of().formatHex(random);
        Files.createDirectories(file.getParent());
        Files.write(file, List.of(password));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return password;
    }
}
