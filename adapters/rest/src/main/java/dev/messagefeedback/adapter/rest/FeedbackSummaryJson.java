package dev.messagefeedback.adapter.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.messagefeedback.domain.AccountSid;
import dev.messagefeedback.domain.DailyFeedbackCounts;
import dev.messagefeedback.domain.FeedbackCounts;
import dev.messagefeedback.domain.FeedbackSummary;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The feedback summary as this service renders it, in Twilio's conventions (snake_case keys, a
 * {@code uri}); these keys, in this order. Serialised by Jackson, so registered for reflection.
 */
@RegisterForReflection
@JsonPropertyOrder({"account_sid", "start_date", "end_date", "include_subaccounts", "feedback_count", "confirmed_count",
    "unconfirmed_count", "confirmation_rate", "days", "uri"})
@Schema(name = "message_feedback_summary",
        description = "Feedback created in a window of UTC days, and its confirmation rate." + FeedbackResource.BEYOND_TWILIO_NOTE)
public record FeedbackSummaryJson(
        @JsonProperty("account_sid")
        @Schema(minLength = 34, maxLength = 34, pattern = "^" + AccountSid.PATTERN + "$",
                description = "The SID of the Account summarised (with its subaccounts when include_subaccounts is true).")
        String accountSid,
        @JsonProperty("start_date")
        @Schema(format = "date", description = "The first UTC day of the window, as given.")
        String startDate,
        @JsonProperty("end_date")
        @Schema(format = "date", description = "The last UTC day of the window (included), as given.")
        String endDate,
        @JsonProperty("include_subaccounts")
        @Schema(description = "Whether the counts include the subaccounts the credentials may act on.")
        boolean includeSubaccounts,
        @JsonProperty("feedback_count")
        @Schema(description = "MessageFeedback resources created in the window.")
        long feedbackCount,
        @JsonProperty("confirmed_count")
        @Schema(description = "Of those, how many have the outcome confirmed.")
        long confirmedCount,
        @JsonProperty("unconfirmed_count")
        @Schema(description = "Of those, how many have the outcome unconfirmed.")
        long unconfirmedCount,
        @JsonProperty("confirmation_rate")
        @JsonInclude(JsonInclude.Include.ALWAYS)
        @Schema(nullable = true, pattern = "^[01]\\.[0-9]{4}$",
                description = "confirmed_count / feedback_count as a decimal string with 4 places, rounded half up; "
                        + "null when feedback_count is 0.")
        String confirmationRate,
        @JsonProperty("days")
        @Schema(description = "One entry per UTC day of the window, in order, days without feedback included.")
        List<Day> days,
        @JsonProperty("uri")
        @Schema(description = "The URI of this summary, relative to the API's base URL.")
        String uri) {

    /** The counts of one UTC day. */
    @RegisterForReflection
    @JsonPropertyOrder({"date", "feedback_count", "confirmed_count", "unconfirmed_count", "confirmation_rate"})
    @Schema(name = "message_feedback_summary_day")
    public record Day(
            @JsonProperty("date") @Schema(format = "date", description = "The UTC day.") String date,
            @JsonProperty("feedback_count") long feedbackCount,
            @JsonProperty("confirmed_count") long confirmedCount,
            @JsonProperty("unconfirmed_count") long unconfirmedCount,
            @JsonProperty("confirmation_rate") @JsonInclude(JsonInclude.Include.ALWAYS)
            @Schema(nullable = true, pattern = "^[01]\\.[0-9]{4}$") String confirmationRate) {

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
        return new FeedbackSummaryJson(account, start, end, summary.includeSubaccounts(), totals.total(),
                totals.confirmed(), totals.unconfirmed(), rate(totals), summary.days().stream().map(Day::of).toList(),
                "/2010-04-01/Accounts/" + account + "/Messages/FeedbackSummary.json?StartDate=" + start + "&EndDate=" + end
                        + "&IncludeSubaccounts=" + summary.includeSubaccounts());
    }

    private static String rate(FeedbackCounts counts) {
        return counts.confirmationRate().map(BigDecimal::toPlainString).orElse(null);
    }
}
