package dev.messagefeedback.adapter.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.messagefeedback.domain.Feedback;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The MessageFeedback resource as Twilio renders it: these keys, in this order. */
@JsonPropertyOrder({"account_sid", "date_created", "date_updated", "message_sid", "outcome", "uri"})
public record FeedbackJson(
        @JsonProperty("account_sid") String accountSid,
        @JsonProperty("date_created") String dateCreated,
        @JsonProperty("date_updated") String dateUpdated,
        @JsonProperty("message_sid") String messageSid,
        @JsonProperty("outcome") String outcome,
        @JsonProperty("uri") String uri) {

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

    static String rfc2822(Instant instant) {
        return RFC_2822.format(instant);
    }

    static String uri(String accountSid, String messageSid) {
        return "/2010-04-01/Accounts/" + accountSid + "/Messages/" + messageSid + "/Feedback.json";
    }
}
