package dev.messagefeedback.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A normal start logs no warning and no error: a warning at every start teaches operators to ignore
 * warnings. The service starts here with its whole configuration (only the test profile's ports and
 * database), plus a log file that receives every record at WARN and above, through the same filters
 * as the console; the file must hold nothing but the start. It starts apart from the other tests
 * (a profile of its own), so that nothing another test did is in it.
 */
@QuarkusTest
@TestProfile(QuietStartTest.WarningsToAFile.class)
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class QuietStartTest {

    /** One file per test JVM: an earlier run's file is never read. */
    static final Path WARNINGS = Path.of("target", "quiet-start-" + ProcessHandle.current().pid() + ".log").toAbsolutePath();

    public static class WarningsToAFile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.log.file.enabled", "true",
                    "quarkus.log.file.path", WARNINGS.toString(),
                    "quarkus.log.file.level", "WARN",
                    "quarkus.log.file.format", "%p [%c] %s%e%n");
        }
    }

    @Test
    void aNormalStartLogsNoWarningAndNoError() throws IOException {
        assertTrue(Files.exists(WARNINGS), "the service writes its warnings to " + WARNINGS);
        List<String> warnings = Files.readAllLines(WARNINGS).stream().filter(line -> !line.isBlank()).toList();
        assertEquals(List.of(), warnings, "records at WARN or above while the service started");
    }
}
