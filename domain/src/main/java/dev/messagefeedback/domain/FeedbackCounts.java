package dev.messagefeedback.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/** How many feedback records are confirmed and how many unconfirmed. */
public record FeedbackCounts(long confirmed, long unconfirmed) {

    public static final FeedbackCounts NONE = new FeedbackCounts(0, 0);

    /** Places of the confirmation rate. */
    public static final int RATE_SCALE = 4;

    public FeedbackCounts {
        if (confirmed < 0 || unconfirmed < 0) {
            throw new IllegalArgumentException("counts are never negative: " + confirmed + ", " + unconfirmed);
        }
    }

    /**
     * The counts of {@code records} feedback records that all have {@code outcome}: every outcome is
     * counted under exactly one of the two. A new outcome does not compile here until it is given its
     * place, and the stores' contract (FeedbackCountStoreContract) checks every outcome is counted so.
     */
    public static FeedbackCounts of(Outcome outcome, long records) {
        return switch (outcome) {
            case CONFIRMED -> new FeedbackCounts(records, 0);
            case UNCONFIRMED -> new FeedbackCounts(0, records);
        };
    }

    public long total() {
        return Math.addExact(confirmed, unconfirmed);
    }

    public FeedbackCounts plus(FeedbackCounts other) {
        return new FeedbackCounts(Math.addExact(confirmed, other.confirmed), Math.addExact(unconfirmed, other.unconfirmed));
    }

    /**
     * Confirmed over all, rounded half up to {@link #RATE_SCALE} places (0.6667 for two of three); empty
     * when there is no feedback, since a rate of nothing is not a number.
     */
    public Optional<BigDecimal> confirmationRate() {
        long total = total();
        if (total == 0) {
            return Optional.empty();
        }
        return Optional.of(BigDecimal.valueOf(confirmed).divide(BigDecimal.valueOf(total), RATE_SCALE, RoundingMode.HALF_UP));
    }
}
