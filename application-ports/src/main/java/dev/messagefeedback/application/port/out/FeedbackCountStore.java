package dev.messagefeedback.application.port.out;

import dev.messagefeedback.domain.AccountSid;
import dev.messagefeedback.domain.DailyFeedbackCounts;
import dev.messagefeedback.domain.ReportingPeriod;
import java.util.List;
import java.util.Set;

/**
 * The number of feedback records per account and UTC day of their creation, confirmed and
 * unconfirmed. The store keeps the counts itself, as feedback is written through {@link FeedbackStore},
 * in the same commit: they always equal what counting the stored feedback would give, each record
 * counted as {@link dev.messagefeedback.domain.FeedbackCounts#of} says for its outcome (every outcome is
 * counted). Callers own the transaction.
 */
public interface FeedbackCountStore {

    /**
     * The counts of the given accounts summed, per day of the period that has feedback, in day order;
     * days without feedback may be missing.
     */
    List<DailyFeedbackCounts> countPerDay(Set<AccountSid> accounts, ReportingPeriod period);
}
