package dev.messagefeedback.adapter.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.quarkus.runtime.annotations.RegisterForReflection;
import dev.messagefeedback.domain.AccountSid;
import dev.messagefeedback.domain.Feedback;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The MessageFeedback resource as Twilio renders it: these keys, in this order. */
/* Serialised by Jackson: registered for reflection so that a native executable keeps its accessors. */
@RegisterForReflection
@JsonPropertyOrder({"account_sid", "date_created", "date_updated", "message_sid", "outcome", "uri"})
@Schema(name = "api.v2010.account.message.message_feedback")
public record FeedbackJson(
        @JsonProperty("account_sid")
        @Schema(minLength = 34, maxLength = 34, pattern = "^" + AccountSid.PATTERN + "$", nullable = true,
                description = "The SID of the Account associated with this MessageFeedback resource.")
        String accountSid,
        @JsonProperty("date_created")
        @Schema(format = "date-time-rfc-2822", nullable = true,
                description = "The date and time in GMT when this MessageFeedback resource was created, in RFC 2822 format.")
        String dateCreated,
        @JsonProperty("date_updated")
        @Schema(format = "date-time-rfc-2822", nullable = true,
                description = "The date and time in GMT when this MessageFeedback resource was last updated, in RFC 2822 format.")
        String dateUpdated,
        @JsonProperty("message_sid")
        @Schema(minLength = 34, maxLength = 34, pattern = "^(SM|MM)[0-9a-fA-F]{32}$", nullable = true,
                description = "The SID of the Message resource associated with this MessageFeedback resource.")
        String messageSid,
        @JsonProperty("outcome")
        @Schema(enumeration = {"confirmed", "unconfirmed"},
                description = "Reported outcome indicating whether there is confirmation that the Message recipient "
                        + "performed a tracked user action.")
        String outcome,
        @JsonProperty("uri")
        @Schema(nullable = true, description = "The URI of the resource, relative to the API's base URL.")
        String uri) {

    /**
     * RFC 2822 as twilio-java parses it: English names, a two-digit day, and {@code +0000}, never
     * {@code GMT} (a pattern letter would print {@code GMT} or {@code Z}, so the offset is literal and
     * the zone is fixed to UTC).
     */
    static final DateTimeFormatter RFC_2822 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss '+0000'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    static FeedbackJson of(Feedback feedback) {
        String account = feedback.accountSid().value();
        String message = feedback.messageSid().value();
        return new FeedbackJson(account, rfc2822(feedback.dateCreated()), rfc2822(feedback.dateUpdated()), message,
                feedback.outcome().wireName(), uri(account, message));
    }

    /** The last second formatted: the POSTs of one second share their dates, so most skip the formatter. */
    private static volatile FormattedSecond lastFormatted = new FormattedSecond(Long.MIN_VALUE, "");

    private record FormattedSecond(long epochSecond, String text) {
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
}
