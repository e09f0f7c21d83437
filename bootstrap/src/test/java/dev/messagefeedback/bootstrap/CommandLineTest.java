package dev.messagefeedback.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.messagefeedback.adapter.cli.OperatorCommandLine;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** The operator CLI against the embedded database: what it creates works over HTTP, what it stops stops. */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class CommandLineTest {

    record Run(int exitCode, Map<String, String> values, String out, String err) {
    }

    @Inject
    OperatorCommandLine commandLine;

    final Duration window =
            ConfigProvider.getConfig().getValue("feedback.credentials.cache-window", Duration.class);

    Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = commandLine.run(List.of(args), new PrintWriter(out, true), new PrintWriter(err, true));
        String printed = out.toString();
        List<Map<String, String>> records = printed.startsWith("Usage: ") ? List.of() : CommandLineOutput.records(printed);
        return new Run(exitCode, records.isEmpty() ? Map.of() : records.get(0), printed, err.toString());
    }

    int post(String username, String secret, String accountSid) {
        return Api.form(new TestAccounts.Credentials(username, secret, accountSid), "confirmed")
                .post(Sids.feedbackPath(accountSid, Sids.sms())).statusCode();
    }

    @Test
    void createRotateKeysSuspendAndSeeEachTakeEffectOverHttp() throws InterruptedException {
        Run migrated = run("migrate");
        assertEquals(0, migrated.exitCode(), migrated.err());
        assertEquals("schema=current\n", migrated.out());

        Run created = run("accounts", "create", "--friendly-name", "CLI test");
        assertEquals(0, created.exitCode(), created.err());
        assertEquals(List.of("account_sid", "friendly_name", "status", "parent_sid", "date_created", "auth_token"),
                List.copyOf(created.values().keySet()), "the documented fields, in order");
        String sid = created.values().get("account_sid");
        String token = created.values().get("auth_token");
        assertEquals(201, post(sid, token, sid));

        Run child = run("accounts", "create", "--friendly-name", "CLI child", "--parent", sid);
        assertEquals(sid, child.values().get("parent_sid"));
        String childSid = child.values().get("account_sid");
        assertEquals(201, post(sid, token, childSid), "a parent acts on its subaccount");

        Run rotated = run("accounts", "rotate-token", sid);
        String newToken = rotated.values().get("auth_token");
        assertEquals(sid, rotated.values().get("account_sid"));
        Thread.sleep(1100); // past the once-a-second re-check of a cached token
        assertEquals(201, post(sid, newToken, sid));
        Thread.sleep(window.toMillis());
        assertEquals(401, post(sid, token, sid), "the old token stopped");

        Run key = run("keys", "create", sid, "--friendly-name", "deploy");
        assertEquals(List.of("api_key_sid", "account_sid", "friendly_name", "status", "date_created", "secret"),
                List.copyOf(key.values().keySet()), "the documented fields, in order");
        String keySid = key.values().get("api_key_sid");
        String secret = key.values().get("secret");
        assertEquals(201, post(keySid, secret, sid));
        Run listed = run("keys", "list", sid);
        assertTrue(listed.out().contains(keySid) && listed.out().contains("active"), listed.out());
        assertFalse(listed.out().contains(secret), "a secret is printed once only");

        assertEquals(0, run("keys", "revoke", keySid).exitCode());
        Thread.sleep(window.toMillis());
        assertEquals(401, post(keySid, secret, sid), "the revoked key stopped");

        Run suspended = run("accounts", "suspend", sid);
        assertEquals("suspended", suspended.values().get("status"));
        Thread.sleep(window.toMillis());
        assertEquals(401, post(sid, newToken, sid), "the suspended account stopped");

        assertEquals("active", run("accounts", "reactivate", sid).values().get("status"));
        assertEquals("closed", run("accounts", "close", sid).values().get("status"));
        Run reopen = run("accounts", "reactivate", sid);
        assertEquals(OperatorCommandLine.REFUSED, reopen.exitCode());

        Run accounts = run("accounts", "list");
        Map<String, Map<String, String>> bySid = new LinkedHashMap<>();
        CommandLineOutput.records(accounts.out()).forEach(record -> bySid.put(record.get("account_sid"), record));
        assertEquals("closed", bySid.get(sid).get("status"), accounts.out());
        assertEquals("active", bySid.get(childSid).get("status"), accounts.out());
        assertEquals(sid, bySid.get(childSid).get("parent_sid"), accounts.out());
        assertFalse(accounts.out().contains(newToken));
    }

    @Test
    void misuseIsExplainedWithExitCode2() {
        assertEquals(OperatorCommandLine.USAGE, run("accounts", "create").exitCode());
        assertEquals(OperatorCommandLine.USAGE, run("accounts", "frobnicate").exitCode());
        assertEquals(OperatorCommandLine.USAGE, run("accounts", "suspend", "not-a-sid").exitCode());
        assertEquals(OperatorCommandLine.REFUSED, run("accounts", "suspend", Sids.account()).exitCode());
        assertEquals(OperatorCommandLine.REFUSED, run("keys", "revoke", "SK" + Sids.hex32()).exitCode());
        assertEquals(OperatorCommandLine.USAGE, run("accounts", "create", "--friendly-name", "").exitCode());
        assertEquals(OperatorCommandLine.USAGE, run("keys", "list").exitCode());
        assertEquals(OperatorCommandLine.OK, run("help").exitCode());
        Run misuse = run("accounts", "suspend", "not-a-sid");
        assertTrue(misuse.err().startsWith("error: "), misuse.err());
        assertEquals("", misuse.out());
        Run refused = run("accounts", "suspend", Sids.account());
        assertTrue(refused.err().startsWith("refused: "), refused.err());
    }

    @Test
    void misuseSaysWhatWasExpectedAndShowsTheMisusedCommandsUsage() {
        Run malformed = run("accounts", "suspend", "not-a-sid");
        assertTrue(malformed.err().contains("'not-a-sid' is not an Account SID: AC followed by 32 hexadecimal characters"),
                malformed.err());
        assertTrue(malformed.err().contains("Usage: message-feedback accounts suspend"), malformed.err());
        assertFalse(malformed.err().contains("Exception") || malformed.err().contains("dev.messagefeedback"), malformed.err());

        Run key = run("keys", "revoke", "SKnot-hex");
        assertEquals(OperatorCommandLine.USAGE, key.exitCode());
        assertTrue(key.err().contains("'SKnot-hex' is not an API key SID: SK followed by 32 hexadecimal characters"), key.err());
        assertTrue(key.err().contains("Usage: message-feedback keys revoke"), key.err());

        Run name = run("accounts", "create", "--friendly-name", "");
        assertTrue(name.err().contains("is not a friendly name: 1 to 64 printable characters"), name.err());
        assertTrue(name.err().contains("Usage: message-feedback accounts create"), name.err());

        Run unknown = run("accounts", "frobnicate");
        assertTrue(unknown.err().contains("frobnicate"), unknown.err());
        assertTrue(unknown.err().contains("Usage: message-feedback accounts "), unknown.err());
        assertFalse(unknown.err().contains("Run with --help"), unknown.err());

        Run missing = run("keys", "list");
        assertTrue(missing.err().contains("ACCOUNT_SID"), missing.err());
        assertTrue(missing.err().contains("Usage: message-feedback keys list"), missing.err());
        for (Run misuse : List.of(malformed, key, name, unknown, missing)) {
            assertEquals("", misuse.out(), "standard output carries records only");
            assertTrue(misuse.err().startsWith("error: "), misuse.err());
        }
    }

    @Test
    void everyCommandHasHelp() {
        for (List<String> command : List.of(List.<String>of(), List.of("accounts"), List.of("keys"), List.of("migrate"),
                List.of("accounts", "list"), List.of("accounts", "create"), List.of("accounts", "rotate-token"),
                List.of("accounts", "suspend"), List.of("accounts", "reactivate"), List.of("accounts", "close"),
                List.of("keys", "list"), List.of("keys", "create"), List.of("keys", "revoke"))) {
            List<String> args = new java.util.ArrayList<>(command);
            args.add("--help");
            Run help = run(args.toArray(String[]::new));
            assertEquals(0, help.exitCode(), String.join(" ", args));
            assertTrue(help.out().startsWith("Usage: "), help.out());
        }
    }
}
