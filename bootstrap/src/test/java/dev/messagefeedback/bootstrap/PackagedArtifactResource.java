package dev.messagefeedback.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The database of the integration tests, as for every other test, plus what production requires and
 * tests otherwise get from the {@code test} profile: the packaged artifact runs with the {@code prod}
 * profile (JSON logs, no test defaults). Quarkus passes this configuration to the artifact it launches.
 * Accounts are made with the artifact's own operator command line, as an operator would.
 */
public class PackagedArtifactResource extends EmbeddedPostgresResource {

    static final String DIGEST_KEY = "integration-tests-only-digest-key-never-in-production";
    private static volatile Map<String, String> configuration = Map.of();
    private static final String HANDED_OVER = "packaged-artifact-resource.";

    @Override
    public synchronized Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        config.put("feedback.credentials.digest-key", DIGEST_KEY);
        configuration = Map.copyOf(config);
        // Also where a test class loaded by another class loader finds it (system properties are the JVM's).
        config.forEach((key, value) -> System.setProperty(HANDED_OVER + key, value));
        return config;
    }

    /** {@code accounts create} run by the packaged artifact (jar or native executable) itself. */
    static TestAccounts.Credentials createAccount() {
        List<String> command = new ArrayList<>(artifactCommand());
        command.addAll(List.of("accounts", "create", "--friendly-name", "integration test"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        configuration.forEach((key, value) -> builder.environment().put(environmentName(key), value));
        System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith(HANDED_OVER))
                .forEach(name -> builder.environment().put(environmentName(name.substring(HANDED_OVER.length())),
                        System.getProperty(name)));
        try {
            Process process = builder.start();
            String output;
            try (InputStream in = process.getInputStream()) {
                output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError("accounts create failed: " + output);
            }
            String sid = valueOf(output, "account_sid=");
            return new TestAccounts.Credentials(sid, valueOf(output, "auth_token="), sid);
        } catch (IOException e) {
            throw new AssertionError("could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** What the build packaged, as Quarkus's integration tests find it: target/quarkus-artifact.properties. */
    static List<String> artifactCommand() {
        Path target = Path.of("target");
        Properties artifact = new Properties();
        try (InputStream in = Files.newInputStream(target.resolve("quarkus-artifact.properties"))) {
            artifact.load(in);
        } catch (IOException e) {
            throw new AssertionError("the application was not packaged", e);
        }
        String path = target.resolve(artifact.getProperty("path")).toAbsolutePath().toString();
        return "native".equals(artifact.getProperty("type"))
                ? List.of(path)
                : List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", path);
    }

    private static String environmentName(String key) {
        return key.toUpperCase().replaceAll("[^A-Z0-9]", "_");
    }

    private static String valueOf(String output, String prefix) {
        return output.lines().filter(line -> line.startsWith(prefix)).map(line -> line.substring(prefix.length()).trim())
                .findFirst().orElseThrow(() -> new AssertionError("no " + prefix + " in: " + output));
    }
}
