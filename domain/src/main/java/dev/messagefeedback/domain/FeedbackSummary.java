package dev.messagefeedback.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The feedback of an account (and, if asked, of its subaccounts) created in a reporting period: one
 * entry per day of the period, in order, days without feedback included as zeros.
 */
public record FeedbackSummary(AccountSid accountSid, ReportingPeriod period, boolean includeSubaccounts,
        List<DailyFeedbackCounts> days) {

    public FeedbackSummary {
        Objects.requireNonNull(accountSid, "accountSid");
        Objects.requireNonNull(period, "period");
        days = List.copyOf(days);
        List<LocalDate> expected = period.days();
        if (days.size() != expected.size()) {
            throw new IllegalArgumentException("one entry per day of the period: " + days.size() + " for " + expected.size());
        }
        for (int i = 0; i < days.size(); i++) {
            if (!days.get(i).day().equals(expected.get(i))) {
                throw new IllegalArgumentException("day " + days.get(i).day() + " where " + expected.get(i) + " belongs");
            }
        }
    }

    /** The sum over the days. */
    public FeedbackCounts totals() {
        FeedbackCounts sum = FeedbackCounts.NONE;
        for (DailyFeedbackCounts day : days) {
            sum = sum.plus(day.counts());
        }
        return sum;
    }
}
