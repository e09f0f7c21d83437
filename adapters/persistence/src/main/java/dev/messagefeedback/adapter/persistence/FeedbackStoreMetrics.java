package dev.messagefeedback.adapter.persistence;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code feedback_store_batch_rows}: how many POSTs each insert statement carried (its count is the
 * number of commits, its sum the number of POSTs, its max the largest group). A mean near 1 under load
 * means the database keeps up without grouping; a mean near the concurrency means it is the bottleneck.
 */
@ApplicationScoped
class FeedbackStoreMetrics {

    private final DistributionSummary batchRows;

    FeedbackStoreMetrics(MeterRegistry registry) {
        this.batchRows = DistributionSummary.builder("feedback.store.batch.rows")
                .description("POSTs written by one insert statement and one commit")
                .baseUnit("rows")
                .register(registry);
    }

    void batchWritten(int rows) {
        batchRows.record(rows);
    }
}
