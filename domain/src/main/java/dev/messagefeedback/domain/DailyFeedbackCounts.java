package dev.messagefeedback.domain;

import java.time.LocalDate;
import java.util.Objects;

/** The counts of the feedback created on one UTC day. */
public record DailyFeedbackCounts(LocalDate day, FeedbackCounts counts) {

    public DailyFeedbackCounts {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(counts, "counts");
    }
}
