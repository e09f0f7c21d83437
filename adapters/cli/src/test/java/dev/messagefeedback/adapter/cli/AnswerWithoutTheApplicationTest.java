package dev.messagefeedback.adapter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * Help, the version and misuse are answered without the application: no CDI container, no
 * configuration, no database exist in this test, so any answer given here needed none of them.
 */
class AnswerWithoutTheApplicationTest {

    record Answer(OptionalInt exitCode, String out, String err) {
    }

    static Answer answer(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        OptionalInt exitCode = OperatorCommandLine.answerWithoutTheApplication(List.of(args), new PrintWriter(out, true),
                new PrintWriter(err, true));
        return new Answer(exitCode, out.toString(), err.toString());
    }

    @Test
    void helpIsAnsweredForEveryWayOfAskingIt() {
        for (List<String> args : List.of(List.of("--help"), List.of("-h"), List.of("help"), List.of("help", "accounts"),
                List.of("accounts", "--help"), List.of("keys", "create", "-h"), List.of("accounts", "suspend", "--help"))) {
            Answer help = answer(args.toArray(String[]::new));
            assertEquals(OptionalInt.of(OperatorCommandLine.OK), help.exitCode(), String.join(" ", args));
            assertTrue(help.out().startsWith("Usage: message-feedback"), help.out());
            assertEquals("", help.err());
        }
        assertTrue(answer("help", "accounts").out().startsWith("Usage: message-feedback accounts"));
    }

    @Test
    void theVersionIsAnswered() {
        Answer version = answer("--version");
        assertEquals(OptionalInt.of(OperatorCommandLine.OK), version.exitCode());
        assertTrue(version.out().startsWith("message-feedback "), version.out());
    }

    @Test
    void misuseIsAnsweredWithTheMisusedCommandsUsageAndExit2() {
        Answer malformed = answer("accounts", "suspend", "not-a-sid");
        assertEquals(OptionalInt.of(OperatorCommandLine.USAGE), malformed.exitCode());
        assertTrue(malformed.err().startsWith("error: "), malformed.err());
        assertTrue(malformed.err().contains("'not-a-sid' is not an Account SID: AC followed by 32 hexadecimal characters"),
                malformed.err());
        assertTrue(malformed.err().contains("Usage: message-feedback accounts suspend"), malformed.err());
        assertFalse(malformed.err().contains("Exception") || malformed.err().contains("dev.messagefeedback"), malformed.err());
        assertEquals("", malformed.out());

        Answer group = answer("accounts");
        assertEquals(OptionalInt.of(OperatorCommandLine.USAGE), group.exitCode());
        assertTrue(group.err().contains("Usage: message-feedback accounts"), group.err());

        Answer unknown = answer("keys", "frobnicate");
        assertEquals(OptionalInt.of(OperatorCommandLine.USAGE), unknown.exitCode());
        assertTrue(unknown.err().contains("Usage: message-feedback keys"), unknown.err());
    }

    @Test
    void aWellFormedCommandIsLeftToTheApplication() {
        assertEquals(OptionalInt.empty(), answer("accounts", "list").exitCode());
        assertEquals(OptionalInt.empty(), answer("accounts", "suspend", "AC" + "0123456789abcdef".repeat(2)).exitCode());
        assertEquals(OptionalInt.empty(), answer("migrate").exitCode());
    }
}
