package dev.messagefeedback.localrunner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The service's AOT cache (JDK 25, Project Leyden) for the service and for CLI commands: {@code app.aot}
 * beside {@code quarkus-run.jar}, trained by the build's integration tests. A command maps the classes
 * it needs, already loaded and linked, instead of loading each from a jar, so the first command after
 * a build is as fast as any other (no recording run). Without the file (a build that skipped the
 * integration tests) the service starts without it.
 */
final class AotCache {

    /**
     * Settings the cache was trained with that it requires at run time (quarkus.test.arg-line and
     * Dockerfile.jvm's command): with other object headers the JVM refuses the cache.
     */
    static final List<String> TRAINED_WITH = List.of("-XX:+UseCompactObjectHeaders");

    private AotCache() {
    }

    /**
     * JVM options: use the cache when there is one. Should the JVM refuse it, it says why on standard
     * error (never on standard output, which a command's key=value records own) and runs without. Only
     * errors: JDK 25.0.3 warns on every start that it could not link one adapter of the cache's code.
     */
    static List<String> jvmOptions(Path serviceJar) {
        Path cache = serviceJar.toAbsolutePath().getParent().resolve("app.aot");
        if (!Files.isRegularFile(cache)) {
            return TRAINED_WITH;
        }
        return List.of(TRAINED_WITH.get(0), "-XX:AOTCache=" + cache, "-Xlog:disable", "-Xlog:all=error:stderr");
    }
}
