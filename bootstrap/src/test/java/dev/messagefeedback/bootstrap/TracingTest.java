package dev.messagefeedback.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The trace of a request reaches its log lines: an incoming W3C {@code traceparent} is continued, and
 * its trace id is in the MDC of the request's lines, beside the request id (the JSON log writes the
 * whole MDC). With no OTLP endpoint configured, as here, nothing warns about exporting and no span
 * is recorded: a span is then only its ids.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class TracingTest {

    record Line(String logger, Level level, String message, Map<String, String> mdc) {
    }

    LogCapture capture;

    @Inject
    Tracer tracer;
    final TestAccounts.Credentials account = TestAccounts.account();

    @BeforeEach
    void listen() {
        capture = LogCapture.install();
    }

    @AfterEach
    void stopListening() {
        capture.remove();
    }

    @Test
    void theTraceIdOfAnIncomingTraceparentIsInTheRequestsLogLinesBesideTheRequestId() {
        String traceId = Sids.hex32();
        String requestId = Api.form(account, "confirmed")
                .header("traceparent", "00-" + traceId + "-" + Sids.hex32().substring(0, 16) + "-01")
                .post(Sids.feedbackPath(account.accountSid(), Sids.sms()))
                .then().statusCode(201).extract().header("Twilio-Request-Id");

        List<Line> ofTheRequest = awaitLinesOf(requestId);
        assertFalse(ofTheRequest.isEmpty(), "no log line carries request id " + requestId);
        for (Line line : ofTheRequest) {
            assertEquals(traceId, line.mdc().get("traceId"), "trace id in " + line);
            assertTrue(line.mdc().getOrDefault("spanId", "").matches("[0-9a-f]{16}"), "span id in " + line);
        }
    }

    @Test
    void aRequestWithoutTraceparentGetsATraceIdOfItsOwnAndNothingWarnsAboutExporting() throws InterruptedException {
        String requestId = Api.form(account, "unconfirmed")
                .post(Sids.feedbackPath(account.accountSid(), Sids.sms()))
                .then().statusCode(201).extract().header("Twilio-Request-Id");

        List<Line> ofTheRequest = awaitLinesOf(requestId);
        assertFalse(ofTheRequest.isEmpty(), "no log line carries request id " + requestId);
        ofTheRequest.forEach(line -> assertTrue(line.mdc().getOrDefault("traceId", "").matches("[0-9a-f]{32}"), "trace id in " + line));

        Thread.sleep(300);  // spans are handed to the exporter in batches, right away when the test ends
        assertTrue(lines().stream().noneMatch(line -> line.logger().startsWith("io.opentelemetry")
                || line.logger().startsWith("io.quarkus.opentelemetry") && line.level().intValue() >= Level.WARNING.intValue()),
                "OpenTelemetry complained: " + lines());
    }

    @Test
    void withoutAnEndpointASpanIsOnlyItsIdsAndRecordsNothing() {
        Span span = tracer.spanBuilder("not exported").startSpan();
        try {
            assertTrue(span.getSpanContext().isValid(), "a span still has a trace id and a span id");
            assertFalse(span.isRecording(), "a span nobody will read records its attributes and exceptions");
            assertFalse(span.getSpanContext().isSampled(), "the trace is passed on as not sampled");
        } finally {
            span.end();
        }
    }

    private List<Line> lines() {
        return capture.records().stream().map(record -> new Line(record.getLoggerName(), record.getLevel(),
                String.valueOf(record.getMessage()), record.getMdcCopy())).toList();
    }

    private List<Line> awaitLinesOf(String requestId) {
        for (int attempt = 0; attempt < 50; attempt++) {   // the access-log line is written as the response ends
            List<Line> lines = lines().stream().filter(line -> requestId.equals(line.mdc().get("requestId"))).toList();
            if (!lines.isEmpty()) {
                return lines;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return List.of();
    }
}
