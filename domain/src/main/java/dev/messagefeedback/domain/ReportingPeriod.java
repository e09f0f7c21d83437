package dev.messagefeedback.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * Whole UTC days from {@code start} to {@code end}, both included: never reversed, and at most
 * {@link #MAX_DAYS} days long, so that a summary has a bounded number of days.
 */
public record ReportingPeriod(LocalDate start, LocalDate end) {

    public static final int MAX_DAYS = 366;

    public ReportingPeriod {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new InvalidReportingPeriodException(InvalidReportingPeriodException.Reason.REVERSED,
                    "the end date " + end + " is before the start date " + start);
        }
        if (ChronoUnit.DAYS.between(start, end) + 1 > MAX_DAYS) {
            throw new InvalidReportingPeriodException(InvalidReportingPeriodException.Reason.TOO_LONG,
                    "from " + start + " to " + end + " is more than " + MAX_DAYS + " days");
        }
    }

    public int length() {
        return (int) ChronoUnit.DAYS.between(start, end) + 1;
    }

    /** Every day of the period, in order. */
    public List<LocalDate> days() {
        return start.datesUntil(end.plusDays(1)).toList();
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && !day.isAfter(end);
    }
}
