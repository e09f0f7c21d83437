package dev.messagefeedback.adapter.persistence;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeUnit;

/**
 * {@code feedback_store_batch_rows}: how many POSTs each insert statement carried (its count is the
 * number of commits, its sum the number of POSTs, its max the largest group). A mean near 1 under load
 * means the database keeps up without grouping; a mean near the concurrency means it is the bottleneck.
 *
 * <p>{@code feedback_store_batch_seconds}: how long each group took to write and commit, as a histogram
 * (Prometheus buckets), since every POST of a group waits for it: a stalled commit (a slow disk flush, a
 * lock) shows here as a long write, where a stall of the service itself does not. The buckets are set where the service is
 * wired (bootstrap).
 */
@ApplicationScoped
class FeedbackStoreMetrics {

    private final DistributionSummary batchRows;
    private final Timer batchTime;

    FeedbackStoreMetrics(MeterRegistry registry) {
        this.batchRows = DistributionSummary.builder("feedback.store.batch.rows")
                .description("POSTs written by one insert statement and one commit")
                .baseUnit("rows")
                .register(registry);
        this.batchTime = Timer.builder("feedback.store.batch")
                .description("Time to write one group of POSTs and commit it")
                .register(registry);
    }

    void batchWritten(int rows, long nanos) {
        batchRows.record(rows);
        batchTime.record(nanos, TimeUnit.NANOSECONDS);
    }
}
