package dev.messagefeedback.bootstrap;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The documented output of the operator CLI, read strictly: key=value lines, one blank line between records. */
final class CommandLineOutput {

    private CommandLineOutput() {
    }

    static List<Map<String, String>> records(String out) {
        List<Map<String, String>> records = new ArrayList<>();
        if (out.isEmpty()) {
            return records;
        }
        assertTrue(out.endsWith("\n") && !out.endsWith("\n\n"), "output ends with one line break: " + out);
        for (String block : out.substring(0, out.length() - 1).split("\n\n", -1)) {
            Map<String, String> record = new LinkedHashMap<>();
            for (String line : block.split("\n", -1)) {
                int equals = line.indexOf('=');
                assertTrue(equals > 0 && line.substring(0, equals).matches("[a-z_]+"), "a key=value line: '" + line + "' in\n" + out);
                assertFalse(record.containsKey(line.substring(0, equals)), "a key once per record: " + out);
                record.put(line.substring(0, equals), line.substring(equals + 1));
            }
            records.add(record);
        }
        return records;
    }
}
