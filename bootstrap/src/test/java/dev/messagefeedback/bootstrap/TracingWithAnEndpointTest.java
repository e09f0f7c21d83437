package dev.messagefeedback.bootstrap;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With an OTLP endpoint set, spans are recorded again: the sampler that drops every span is offered only
 * while nothing would export them (TracingConfiguration), so it must step aside here. Nothing listens
 * at the endpoint; the batch waits an hour, so no export is even tried while the test runs.
 */
@QuarkusTest
@TestProfile(TracingWithAnEndpointTest.WithACollector.class)
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class TracingWithAnEndpointTest {

    public static class WithACollector implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.otel.exporter.otlp.traces.endpoint", "http://localhost:14317",
                    "quarkus.otel.bsp.schedule.delay", "1h");
        }
    }

    @Inject
    Tracer tracer;

    @Test
    void withAnEndpointSpansAreRecordedAndSampled() {
        Span span = tracer.spanBuilder("exported").startSpan();
        try {
            assertTrue(span.isRecording(), "a span to be exported records its attributes and events");
            assertTrue(span.getSpanContext().isSampled(), "the configured sampler (every trace by default) decides");
        } finally {
            span.end();
        }
    }
}
