package dev.messagefeedback.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The AOT cache the build trained (quarkus-app/app.aot) is the one the image's command uses: the
 * service is started here exactly as Dockerfile.jvm's ENTRYPOINT starts it (its words, from the
 * directory of quarkus-run.jar, with this build's JDK), plus the JVM's own AOT and class-loading log.
 * The JVM must say it opened the cache, and the application's own classes must come from it. A cache
 * written by another JVM build or with other settings that matter to it (compact object headers, say)
 * makes the image's -XX:AOTMode=on refuse to start: this test fails with the JVM's reason.
 *
 * <p>Runs in its own failsafe execution, after the integration tests that train the cache
 * (bootstrap/pom.xml).
 */
class AotCacheIT {

    private static final Path APP = Path.of("target", "quarkus-app");

    @Test
    void theImagesCommandStartsTheServiceWithTheTrainedCache() throws Exception {
        assertTrue(Files.isRegularFile(APP.resolve("app.aot")),
                "no " + APP.resolve("app.aot") + ": the integration tests did not train the AOT cache");
        List<String> entrypoint = entrypoint();
        assertEquals("java", entrypoint.get(0), "the image's command starts with java");
        assertTrue(entrypoint.contains("-XX:AOTMode=on") && entrypoint.contains("-XX:AOTCache=app.aot"),
                "the image's command requires the cache: " + entrypoint);
        assertEquals(List.of("-jar", "quarkus-run.jar"), entrypoint.subList(entrypoint.size() - 2, entrypoint.size()));
        assertTrainedWithTheImagesOptions(entrypoint);

        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // The JVM's report: the cache it opened (or why not), and where each application class came from.
        command.add("-Xlog:aot=info,class+load=info:stdout:tags");
        command.addAll(entrypoint.subList(1, entrypoint.size()));
        EmbeddedPostgresResource database = new PackagedArtifactResource();
        Map<String, String> configuration = database.start();
        ProcessBuilder builder = new ProcessBuilder(command).directory(APP.toFile()).redirectErrorStream(true);
        configuration.forEach((key, value) -> builder.environment().put(key.toUpperCase().replaceAll("[^A-Z0-9]", "_"), value));
        builder.environment().put("QUARKUS_HTTP_PORT", "0");
        builder.environment().put("QUARKUS_MANAGEMENT_PORT", "0");
        List<String> output = new CopyOnWriteArrayList<>();
        Process service = builder.start();
        try {
            Thread reader = Thread.ofPlatform().daemon().start(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(service.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        output.add(line);
                    }
                } catch (IOException ended) {
                    // the process was stopped
                }
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (output.stream().noneMatch(line -> line.contains("started in")) && System.nanoTime() < deadline) {
                if (!service.isAlive()) {
                    reader.join(5_000);
                    fail("the image's command did not start (exit " + service.exitValue() + "): the JVM says\n"
                            + String.join("\n", output.stream().filter(line -> line.contains("[aot")).toList()));
                }
                Thread.sleep(50);
            }
            assertTrue(output.stream().anyMatch(line -> line.contains("started in")), "the service did not start in 120 s");
            assertTrue(output.stream().anyMatch(line -> line.contains("[aot") && line.contains("Opened AOT cache app.aot")),
                    "the JVM did not open app.aot");
            List<String> applicationClasses = output.stream()
                    .filter(line -> line.contains("[class,load") && line.contains(" dev.messagefeedback.")).toList();
            assertTrue(!applicationClasses.isEmpty(), "no application class was loaded");
            List<String> notFromTheCache = applicationClasses.stream()
                    .filter(line -> !line.contains("source: shared objects file")).toList();
            // A handful may be generated or first used after the training; the bulk must come from the cache.
            assertTrue(notFromTheCache.size() * 5 < applicationClasses.size(),
                    notFromTheCache.size() + " of " + applicationClasses.size() + " application classes were not in the cache: "
                            + notFromTheCache.stream().limit(10).toList());
        } finally {
            service.destroy();
            if (!service.waitFor(30, TimeUnit.SECONDS)) {
                service.destroyForcibly();
            }
            database.stop();
        }
    }

    /** The training run's JVM options (bootstrap/pom.xml) are the image's: a cache made with others would be refused. */
    private static void assertTrainedWithTheImagesOptions(List<String> entrypoint) {
        List<String> training = Arrays.asList(System.getProperty("quarkus.test.arg-line", "").trim().split("\\s+"));
        List<String> imageOptions = entrypoint.subList(1, entrypoint.size() - 2).stream()
                .filter(option -> option.startsWith("-X")).filter(option -> !option.startsWith("-XX:AOT")).toList();
        assertEquals(imageOptions, training, "quarkus.test.arg-line (the training run) must be the image's JVM options");
    }

    /** Dockerfile.jvm's ENTRYPOINT ["java", ...] as a list of words. */
    static List<String> entrypoint() throws IOException {
        String line = Files.readAllLines(Path.of("src/main/docker/Dockerfile.jvm")).stream()
                .filter(l -> l.startsWith("ENTRYPOINT [")).findFirst().orElseThrow(() -> new AssertionError("no ENTRYPOINT"));
        String inside = line.substring(line.indexOf('[') + 1, line.lastIndexOf(']'));
        return Arrays.stream(inside.split(",")).map(String::trim).map(word -> word.substring(1, word.length() - 1)).toList();
    }
}
