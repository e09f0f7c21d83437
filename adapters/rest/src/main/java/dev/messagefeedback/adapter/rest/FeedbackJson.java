package dev.messagefeedback.adapter.rest;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.messagefeedback.domain.Feedback;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The MessageFeedback resource as Twilio renders it ({@link #json()}): these keys, in this order. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({"account_sid", "date_created", "date_updated", "message_sid", "outcome", "uri"})
@Schema(name = "api.v2010.account.message.message_feedback")
public record FeedbackJson(
        @Schema(minLength = 34, maxLength = 34, pattern = FeedbackResource.ACCOUNT_SID, nullable = true,
                description = "The SID of the Account associated with this MessageFeedback resource.")
        String accountSid,
        @Schema(format = "date-time-rfc-2822", nullable = true,
                description = "The date and time in GMT when this MessageFeedback resource was created, in RFC 2822 format.")
        String dateCreated,
        @Schema(format = "date-time-rfc-2822", nullable = true,
                description = "The date and time in GMT when this MessageFeedback resource was last updated, in RFC 2822 format.")
        String dateUpdated,
        @Schema(minLength = 34, maxLength = 34, pattern = FeedbackResource.MESSAGE_SID, nullable = true,
                description = "The SID of the Message resource associated with this MessageFeedback resource.")
        String messageSid,
        @Schema(enumeration = {"confirmed", "unconfirmed"},
                description = "Reported outcome indicating whether there is confirmation that the Message recipient "
                        + "performed a tracked user action.")
        String outcome,
        @Schema(nullable = true, description = "The URI of the resource, relative to the API's base URL.")
        String uri) {

    /** RFC 2822 as twilio-java parses it: English names, a two-digit day, and a literal {@code +0000}, never {@code GMT}. */
    static final DateTimeFormatter RFC_2822 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss '+0000'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    /** The last second formatted: the POSTs of one second share their dates, so most skip the formatter. */
    private static volatile FormattedSecond lastFormatted = new FormattedSecond(Long.MIN_VALUE, "");

    private record FormattedSecond(long epochSecond, String text) {
    }

    static FeedbackJson of(Feedback feedback) {
        String account = feedback.accountSid().value();
        String message = feedback.messageSid().value();
        return new FeedbackJson(account, rfc2822(feedback.dateCreated()), rfc2822(feedback.dateUpdated()), message,
                feedback.outcome().wireName(), uri(account, message));
    }

    static String rfc2822(Instant instant) {
        FormattedSecond last = lastFormatted;
        if (last.epochSecond() == instant.getEpochSecond()) {
            return last.text();
        }
        String text = RFC_2822.format(instant);
        lastFormatted = new FormattedSecond(instant.getEpochSecond(), text);
        return text;
    }

    static String uri(String accountSid, String messageSid) {
        return "/2010-04-01/Accounts/" + accountSid + "/Messages/" + messageSid + "/Feedback.json";
    }

    /**
     * Every 200 and 201 body of a feedback: Jackson's JSON, byte for byte (FeedbackJsonTest), without Jackson's generator
     * and output stream per response, which were 3.9-8.8 % of a new-message POST's CPU samples (BENCHMARKS.md).
     */
    String json() {
        return "{\"account_sid\":" + quoted(accountSid) + ",\"date_created\":" + quoted(dateCreated) + ",\"date_updated\":"
                + quoted(dateUpdated) + ",\"message_sid\":" + quoted(messageSid) + ",\"outcome\":" + quoted(outcome)
                + ",\"uri\":" + quoted(uri) + "}";
    }

    private static String quoted(String value) {
        return value == null ? "null" : '"' + new String(JsonStringEncoder.getInstance().quoteAsString(value)) + '"';
    }
}
