package dev.messagefeedback.adapter.rest;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.messagefeedback.domain.DailyFeedbackCounts;
import dev.messagefeedback.domain.FeedbackCounts;
import dev.messagefeedback.domain.FeedbackSummary;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The feedback summary in Twilio's conventions (snake_case keys, a {@code uri}); serialised by Jackson. */
@RegisterForReflection
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({"account_sid", "start_date", "end_date", "include_subaccounts", "feedback_count", "confirmed_count",
    "unconfirmed_count", "confirmation_rate", "days", "uri"})
@Schema(name = "message_feedback_summary",
        description = "Feedback created in a window of UTC days, and its confirmation rate." + FeedbackResource.BEYOND_TWILIO_NOTE)
public record FeedbackSummaryJson(
        @Schema(minLength = 34, maxLength = 34, pattern = FeedbackResource.ACCOUNT_SID,
                description = "The SID of the Account summarised (with its subaccounts when include_subaccounts is true).")
        String accountSid,
        @Schema(format = "date", description = "The first UTC day of the window, as given.") String startDate,
        @Schema(format = "date", description = "The last UTC day of the window (included), as given.") String endDate,
        @Schema(description = "Whether the counts include the subaccounts the credentials may act on.")
        boolean includeSubaccounts,
        @Schema(description = "MessageFeedback resources created in the window.") long feedbackCount,
        @Schema(description = "Of those, how many have the outcome confirmed.") long confirmedCount,
        @Schema(description = "Of those, how many have the outcome unconfirmed.") long unconfirmedCount,
        @Schema(nullable = true, pattern = "^[01]\\.[0-9]{4}$",
                description = "confirmed_count / feedback_count as a decimal string with 4 places, rounded half up; "
                        + "null when feedback_count is 0.")
        String confirmationRate,
        @Schema(description = "One entry per UTC day of the window, in order, days without feedback included.")
        List<Day> days,
        @Schema(description = "The URI of this summary, relative to the API's base URL.") String uri) {

    /** The counts of one UTC day. */
    @RegisterForReflection
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonPropertyOrder({"date", "feedback_count", "confirmed_count", "unconfirmed_count", "confirmation_rate"})
    @Schema(name = "message_feedback_summary_day")
    public record Day(@Schema(format = "date", description = "The UTC day.") String date, long feedbackCount, long confirmedCount,
            long unconfirmedCount, @Schema(nullable = true, pattern = "^[01]\\.[0-9]{4}$") String confirmationRate) {

        static Day of(DailyFeedbackCounts day) {
            FeedbackCounts counts = day.counts();
            return new Day(day.day().toString(), counts.total(), counts.confirmed(), counts.unconfirmed(), rate(counts));
        }
    }

    static FeedbackSummaryJson of(FeedbackSummary summary) {
        FeedbackCounts totals = summary.totals();
        String account = summary.accountSid().value();
        String start = summary.period().start().toString();
        String end = summary.period().end().toString();
        return new FeedbackSummaryJson(account, start, end, summary.includeSubaccounts(), totals.total(), totals.confirmed(),
                totals.unconfirmed(), rate(totals), summary.days().stream().map(Day::of).toList(), "/2010-04-01/Accounts/"
                        + account + "/Messages/FeedbackSummary.json?StartDate=" + start + "&EndDate=" + end
                        + "&IncludeSubaccounts=" + summary.includeSubaccounts());
    }

    private static String rate(FeedbackCounts counts) {
        return counts.confirmationRate().map(BigDecimal::toPlainString).orElse(null);
    }
}
