package dev.messagefeedback.bootstrap;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.quarkus.arc.lookup.LookupIfProperty;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Collection;

/**
 * Traces leave the process only when an OTLP endpoint is configured
 * ({@code QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT} or {@code QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT}).
 *
 * <p>Quarkus's OTLP exporter falls back to {@code http://localhost:4317/} when no endpoint is set, and
 * then logs a warning for every batch it cannot send (quarkusio/quarkus#44200). It steps aside when the
 * application offers a {@link SpanExporter} bean: this one, which drops spans, is offered only while the
 * endpoint still has that built-in default. The SDK itself stays on, so trace ids are still made (or
 * taken from an incoming {@code traceparent}), passed on, and written in every log line's MDC.
 *
 * <p>Without an endpoint no span is recorded either: the sampler then drops every span, so a span is
 * only its ids. A recorded span costs attributes, events and a place in the exporter's queue, and
 * Quarkus REST records every exception a request ends with, a 404's included, with its whole stack
 * trace rendered to a string: for spans that nothing would ever read, a flood of unknown paths paid
 * several times the CPU of a feedback POST (BENCHMARKS.md). With an endpoint set, the sampler is the
 * one configured ({@code quarkus.otel.traces.sampler}, by default every trace a caller does not
 * decline). With nothing recorded, the exporter above only ever sees empty batches: it stays as the
 * guard against the built-in default's warnings. "No endpoint" means the built-in default itself:
 * an endpoint set to exactly {@code http://localhost:4317/} counts as none.
 */
class TracingConfiguration {

    static final String TRACES_ENDPOINT = "quarkus.otel.exporter.otlp.traces.endpoint";
    static final String BUILT_IN_DEFAULT_ENDPOINT = "http://localhost:4317/";

    @Produces
    @Singleton
    @LookupIfProperty(name = TRACES_ENDPOINT, stringValue = BUILT_IN_DEFAULT_ENDPOINT, lookupIfMissing = true)
    Sampler noRecordingWithoutAnEndpoint() {
        return Sampler.alwaysOff();
    }

    @Produces
    @Singleton
    @LookupIfProperty(name = TRACES_ENDPOINT, stringValue = BUILT_IN_DEFAULT_ENDPOINT, lookupIfMissing = true)
    SpanExporter noExportWithoutAnEndpoint() {
        return new SpanExporter() {
            @Override
            public CompletableResultCode export(Collection<SpanData> spans) {
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode flush() {
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode shutdown() {
                return CompletableResultCode.ofSuccess();
            }
        };
    }
}
