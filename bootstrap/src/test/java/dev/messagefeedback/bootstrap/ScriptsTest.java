package dev.messagefeedback.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The benchmark and the reliability scripts are not tests, but they must not rot: each parses
 * ({@code bash -n}) and the files it runs exist.
 */
class ScriptsTest {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @ParameterizedTest
    @ValueSource(strings = {"bench/run.sh", "bench/summary.sh", "reliability/graceful-shutdown.sh", "reliability/two-replicas.sh",
        "reliability/common.sh", "scripts/lib.sh", "conformance/run-node.sh", ".ci/run",
        "reliability/failover.sh", "reliability/rolling-restart.sh",
        "scripts/cli-parallel.sh", "scripts/manifest-ports.sh", "scripts/readme-examples.sh", "bench/batch-ceiling.sh",
        "reliability/attack-lib.sh", "reliability/attack-invented-methods.sh", "reliability/attack-held-headers.sh",
        "reliability/attack-credential-stuffing.sh", "reliability/attack-slow-body.sh", "reliability/attack-http2.sh",
        "reliability/attack-stalled-database.sh", "scripts/dev-mode.sh", "ui-test/run.sh", "bench/jvm-settings.sh"})
    void scriptsParse(String script) throws IOException, InterruptedException {
        Path file = ROOT.resolve(script);
        assertTrue(Files.isRegularFile(file), script);
        Process bash = new ProcessBuilder("bash", "-n", file.toString()).redirectErrorStream(true).start();
        String output = new String(bash.getInputStream().readAllBytes());
        assertEquals(0, bash.waitFor(), script + ": " + output);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bench/feedback.lua", "bench/upsert.sql",
        "bench/OpenModelLoad.java", "reliability/FeedbackLoad.java", "reliability/Attacks.java", "conformance/node/conformance.mjs",
        "conformance/node/package-lock.json", "deploy/validate/validate.mjs", "deploy/validate/package-lock.json",
        "deploy/validate/test/validate.test.mjs", "bootstrap/src/main/docker/Dockerfile.jvm", "bench/batch-insert.sql",
        "bench/top-frames.awk", "bench/owners.awk", "reliability/HaLoad.java", "deploy/cloudnative-pg/cluster.yml",
        "ui-test/insights.mjs", "ui-test/package-lock.json", "bench/peer/pom.xml",
        "bench/peer/src/main/java/dev/messagefeedback/bench/peer/FeedbackResource.java"})
    void theFilesTheyRunExist(String file) throws IOException {
        assertTrue(Files.size(ROOT.resolve(file)) > 0, file);
    }
}
