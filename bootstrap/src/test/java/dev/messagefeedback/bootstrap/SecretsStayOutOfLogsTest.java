package dev.messagefeedback.bootstrap;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.logging.SimpleFormatter;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** docs/operations.md, "Secrets": tokens, key secrets and the Authorization header never reach a log line. */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class SecretsStayOutOfLogsTest {

    LogCapture capture;

    @BeforeEach
    void captureEverything() {
        capture = LogCapture.install();
    }

    @AfterEach
    void stopCapturing() {
        capture.remove();
    }

    @Test
    void noSecretInAnyLogLineOfSuccessfulOrFailedRequests() throws InterruptedException {
        TestAccounts.Credentials account = TestAccounts.account();
        TestAccounts.Credentials key = TestAccounts.apiKeyOf(account);
        TestAccounts.Credentials wrong = new TestAccounts.Credentials(account.username(), "f".repeat(32), account.accountSid());
        String path = Sids.feedbackPath(account.accountSid(), Sids.sms());

        Api.form(account, "confirmed").post(path).then().statusCode(201);
        Api.form(key, "confirmed").post(path).then().statusCode(201);
        Api.form(wrong, "confirmed").post(path).then().statusCode(401);
        Api.form(account, "maybe").post(path).then().statusCode(400);
        Api.as(account).put(path).then().statusCode(405);
        Api.as(key).contentType(Api.FORM).post(FailingTestEndpoints.JAX_RS_PATH).then().statusCode(500);
        Api.as(account).get(FailingTestEndpoints.ROUTE_PATH).then().statusCode(500);
        Thread.sleep(300); // access log lines are written as responses end
        List<String> lines = capture.records().stream().map(SecretsStayOutOfLogsTest::text).toList();

        assertTrue(lines.stream().anyMatch(line -> line.contains(FailingTestEndpoints.SECRET_DETAIL)),
                "the capture sees the service's log lines");
        for (String secret : List.of(account.secret(), key.secret(), wrong.secret(),
                Api.basic(account), Api.basic(key), Api.basic(wrong),
                Api.basic(account).substring("Basic ".length()), Api.basic(key).substring("Basic ".length()))) {
            for (String line : lines) {
                assertFalse(line.contains(secret), "a secret was logged: " + line);
            }
        }
    }

    /** What a line can show of a record: its logger, its formatted message, the stack trace of what it carries. */
    private static String text(ExtLogRecord record) {
        StringWriter text = new StringWriter();
        text.append(record.getLoggerName()).append(' ').append(new SimpleFormatter().formatMessage(record));
        if (record.getThrown() != null) {
            record.getThrown().printStackTrace(new PrintWriter(text));
        }
        return text.toString();
    }
}
