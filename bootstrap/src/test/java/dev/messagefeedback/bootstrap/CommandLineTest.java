package dev.messagefeedback.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.messagefeedback.adapter.cli.AccountsCommandLine;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
    AccountsCommandLine commandLine;

    final Duration window =
            ConfigProvider.getConfig().getValue("feedback.credentials.cache-window", Duration.class);

    Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = commandLine.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        Map<String, String> values = new LinkedHashMap<>();
        printed.lines().filter(line -> line.contains("=") && !line.startsWith("#"))
                .forEach(line -> values.putIfAbsent(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1)));
        return new Run(exitCode, values, printed, err.toString(StandardCharsets.UTF_8));
    }

    int post(String username, String secret, String accountSid) {
        return Api.form(new TestAccounts.Credentials(username, secret, accountSid), "confirmed")
                .post(Sids.feedbackPath(accountSid, Sids.sms())).statusCode();
    }

    @Test
    void createRotateKeysSuspendAndSeeEachTakeEffectOverHttp() throws InterruptedException {
        Run created = run("accounts", "create", "--friendly-name", "CLI test");
        assertEquals(0, created.exitCode(), created.err());
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
        assertEquals(AccountsCommandLine.REFUSED, reopen.exitCode());

        Run accounts = run("accounts", "list");
        assertTrue(accounts.out().contains(sid + " closed"), accounts.out());
        assertTrue(accounts.out().contains(childSid + " active parent=" + sid), accounts.out());
        assertFalse(accounts.out().contains(newToken));
    }

    @Test
    void misuseIsExplainedWithExitCode2() {
        assertEquals(AccountsCommandLine.USAGE, run("accounts", "create").exitCode());
        assertEquals(AccountsCommandLine.USAGE, run("accounts", "frobnicate").exitCode());
        assertEquals(AccountsCommandLine.USAGE, run("accounts", "suspend", "not-a-sid").exitCode());
        assertEquals(AccountsCommandLine.REFUSED, run("accounts", "suspend", Sids.account()).exitCode());
        assertEquals(AccountsCommandLine.REFUSED, run("keys", "revoke", "SK" + Sids.hex32()).exitCode());
        assertEquals(AccountsCommandLine.OK, run("help").exitCode());
    }
}
