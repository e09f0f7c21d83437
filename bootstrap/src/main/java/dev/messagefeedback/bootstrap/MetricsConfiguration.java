package dev.messagefeedback.bootstrap;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.stream.LongStream;

/**
 * Histogram buckets where a dashboard or an alert needs a percentile across replicas: request latency
 * ({@code http_server_requests_seconds_bucket}, at the boundaries the alert rules in
 * deploy/monitoring/ use), group-commit sizes ({@code feedback_store_batch_rows_bucket}) and the time
 * of each group's write and commit ({@code feedback_store_batch_seconds_bucket}, the same boundaries as
 * request latency, so that a slow commit can be told from a slow service). A few fixed
 * buckets per series, not Micrometer's ~70 of a full percentile histogram.
 */
class MetricsConfiguration {

    static final long[] LATENCY_BOUNDARIES_MS = {2, 5, 10, 20, 50, 100, 250, 500, 1000, 2500, 5000};
    static final double[] BATCH_ROW_BOUNDARIES = {1, 2, 4, 8, 16, 32, 64, 128};

    @Produces
    @Singleton
    MeterFilter histogramBuckets() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                return switch (id.getName()) {
                    case "http.server.requests", "feedback.store.batch" -> DistributionStatisticConfig.builder()
                            .serviceLevelObjectives(LongStream.of(LATENCY_BOUNDARIES_MS)
                                    .mapToDouble(ms -> Duration.ofMillis(ms).toNanos()).toArray())
                            .build().merge(config);
                    case "feedback.store.batch.rows" -> DistributionStatisticConfig.builder()
                            .serviceLevelObjectives(BATCH_ROW_BOUNDARIES)
                            .build().merge(config);
                    default -> config;
                };
            }
        };
    }
}
