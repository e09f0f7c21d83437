package dev.messagefeedback.domain;

import java.util.Objects;

/** A {@link ReportingPeriod} that cannot exist: its end before its start, or too long. */
public class InvalidReportingPeriodException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public enum Reason {
        REVERSED,
        TOO_LONG
    }

    private final Reason reason;

    public InvalidReportingPeriodException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
