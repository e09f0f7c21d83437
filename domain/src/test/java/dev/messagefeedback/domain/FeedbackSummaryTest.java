package dev.messagefeedback.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FeedbackSummaryTest {

    static final AccountSid ACCOUNT = new AccountSid("AC" + "a".repeat(32));

    @Test
    void theRateHasFourPlacesRoundedHalfUpAndIsAbsentWithoutFeedback() {
        assertEquals(Optional.empty(), FeedbackCounts.NONE.confirmationRate());
        assertEquals(Optional.of(new BigDecimal("0.6667")), new FeedbackCounts(2, 1).confirmationRate());
        assertEquals(Optional.of(new BigDecimal("1.0000")), new FeedbackCounts(5, 0).confirmationRate());
        assertEquals(Optional.of(new BigDecimal("0.0000")), new FeedbackCounts(0, 7).confirmationRate());
        assertEquals(Optional.of(new BigDecimal("0.0001")), new FeedbackCounts(1, 19_999).confirmationRate());
        assertEquals(Optional.of(new BigDecimal("0.0000")), new FeedbackCounts(1, 20_001).confirmationRate());
    }

    @Test
    void countsAreNeverNegative() {
        assertThrows(IllegalArgumentException.class, () -> new FeedbackCounts(-1, 0));
        assertThrows(IllegalArgumentException.class, () -> new FeedbackCounts(0, -1));
    }

    @Test
    void aPeriodIsNeverReversedNorLongerThan366Days() {
        LocalDate start = LocalDate.parse("2024-01-01");
        assertEquals(1, new ReportingPeriod(start, start).length());
        assertEquals(366, new ReportingPeriod(start, LocalDate.parse("2024-12-31")).length()); // a leap year
        var reversed = assertThrows(InvalidReportingPeriodException.class,
                () -> new ReportingPeriod(start, start.minusDays(1)));
        assertEquals(InvalidReportingPeriodException.Reason.REVERSED, reversed.reason());
        var tooLong = assertThrows(InvalidReportingPeriodException.class,
                () -> new ReportingPeriod(start, LocalDate.parse("2025-01-01")));
        assertEquals(InvalidReportingPeriodException.Reason.TOO_LONG, tooLong.reason());
    }

    @Test
    void aSummaryHasOneEntryPerDayInOrder() {
        ReportingPeriod period = new ReportingPeriod(LocalDate.parse("2026-02-27"), LocalDate.parse("2026-03-01"));
        List<DailyFeedbackCounts> days = List.of(
                new DailyFeedbackCounts(LocalDate.parse("2026-02-27"), new FeedbackCounts(1, 2)),
                new DailyFeedbackCounts(LocalDate.parse("2026-02-28"), FeedbackCounts.NONE),
                new DailyFeedbackCounts(LocalDate.parse("2026-03-01"), new FeedbackCounts(3, 0)));
        FeedbackSummary summary = new FeedbackSummary(ACCOUNT, period, false, days);
        assertEquals(new FeedbackCounts(4, 2), summary.totals());
        assertThrows(IllegalArgumentException.class, () -> new FeedbackSummary(ACCOUNT, period, false, days.subList(0, 2)));
        assertThrows(IllegalArgumentException.class,
                () -> new FeedbackSummary(ACCOUNT, period, false, List.of(days.get(1), days.get(0), days.get(2))));
    }
}
