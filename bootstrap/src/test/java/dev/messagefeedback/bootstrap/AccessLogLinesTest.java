package dev.messagefeedback.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.stream.Stream;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Access-log records reach the log handlers in batches (off the event loop), and still one per request,
 * with the request id in the line and in the record's context, and the thread that served the request.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class AccessLogLinesTest {

    static final String CATEGORY = "io.quarkus.http.access-log";

    LogCapture capture;

    @BeforeEach
    void capture() {
        capture = LogCapture.install();
    }

    @AfterEach
    void stopCapturing() {
        capture.remove();
    }

    @Test
    void oneLinePerRequestWithItsRequestIdAndThread() throws InterruptedException {
        TestAccounts.Credentials account = TestAccounts.account();
        List<String> requestIds = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 20; i++) {
            requestIds.add(Api.form(account, "confirmed").post(Sids.feedbackPath(account.accountSid(), Sids.sms()))
                    .then().statusCode(201).extract().header("Twilio-Request-Id"));
        }
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline && !allLogged(requestIds)) {
            Thread.sleep(10);
        }
        for (String requestId : requestIds) {
            List<ExtLogRecord> lines = accessRecords().filter(r -> r.getMessage().contains(requestId)).toList();
            assertEquals(1, lines.size(), "one access line for " + requestId);
            ExtLogRecord line = lines.get(0);
            assertTrue(line.getMessage().contains("\" 201 "), line.getMessage());
            assertEquals(requestId, line.getMdc("requestId"), "the request id in the line's context");
            assertTrue(line.getThreadName().startsWith("vert.x-eventloop"), "the thread that served it: " + line.getThreadName());
            assertEquals("access-log-batches", capture.publishingThread(line), "handed to the handlers in a batch, off the event loop");
        }
    }

    private boolean allLogged(List<String> requestIds) {
        return requestIds.stream().allMatch(id -> accessRecords().anyMatch(r -> r.getMessage().contains(id)));
    }

    private Stream<ExtLogRecord> accessRecords() {
        return capture.records().stream().filter(record -> CATEGORY.equals(record.getLoggerName()));
    }
}
