package dev.messagefeedback.adapter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** pgbench must run the very statement the service issues: the benchmark's SQL may not drift from it. */
class BenchmarkStatementTest {

    @Test
    void theBenchmarkRunsTheServicesStatement() throws IOException {
        String script = Files.readAllLines(Path.of("../../bench/upsert.sql")).stream()
                .filter(line -> !line.startsWith("--") && !line.startsWith("\\set"))
                .collect(Collectors.joining("\n"));
        String asParameters = script
                .replace(":account", "?")
                .replace("'SM' || lpad(to_hex(:m::bigint), 32, '0')", "?")
                .replace("'confirmed'", "?")
                .replace("now()", "?")
                .replaceAll(";\\s*$", "");
        assertEquals(normalized(JdbcFeedbackStore.INSERT_IF_ABSENT), normalized(asParameters));
    }

    @Test
    void theGroupCommitBenchmarkRunsTheServicesStatementOnceItsArraysAreBuilt() throws IOException {
        String script = Files.readString(Path.of("../../bench/batch-insert.sql"));
        String fromTheInsert = "), inserted AS (";  // what comes before builds the arrays the service binds
        assertEquals(normalized(after(JdbcFeedbackStore.INSERT_ALL_IF_ABSENT, fromTheInsert)),
                normalized(after(script, fromTheInsert).replaceAll(";\\s*$", "")));
    }

    private static String after(String sql, String marker) {
        int at = sql.indexOf(marker);
        assertTrue(at >= 0, "no \"" + marker + "\" in " + sql);
        return sql.substring(at);
    }

    private static String normalized(String sql) {
        return sql.replaceAll("\\s+", " ").trim();
    }
}
