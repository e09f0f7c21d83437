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
 * <p>{@code feedback_store_batch_seconds{statement}}: how long each of a group's statements took, from
 * asking the pool for a connection to the end of its commit, as a histogram (Prometheus buckets; set
 * where the service is wired, in bootstrap). {@code statement="insert"} is the group's insert, which
 * every POST of the group waits for; {@code statement="replace"} the compare-and-set of the
 * confirmations in it, which those POSTs wait for too. A stalled commit (a slow disk flush, a lock) or a
 * starved pool shows here as a long statement; time the POSTs spent queued for the writer does not.
 */
@ApplicationScoped
class FeedbackStoreMetrics {

    private final DistributionSummary batchRows;
    private final Timer insertTime;
    private final Timer replaceTime;

    FeedbackStoreMetrics(MeterRegistry registry) {
        this.batchRows = DistributionSummary.builder("feedback.store.batch.rows")
                .description("POSTs written by one insert statement and one commit")
                .baseUnit("rows")
                .register(registry);
        this.insertTime = statementTimer(registry, "insert");
        this.replaceTime = statementTimer(registry, "replace");
    }

    private static Timer statementTimer(MeterRegistry registry, String statement) {
        return Timer.builder("feedback.store.batch")
                .description("Time of one statement of a group of POSTs, connection and commit included")
                .tag("statement", statement)
                .register(registry);
    }

    void batchWritten(int rows, long nanos) {
        batchRows.record(rows);
        insertTime.record(nanos, TimeUnit.NANOSECONDS);
    }

    void batchReplaced(long nanos) {
        replaceTime.record(nanos, TimeUnit.NANOSECONDS);
    }
}
