package dev.messagefeedback.bench.peer;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The MessageFeedback resource as Twilio renders it (the same keys, in the same order, as the service). */
@JsonPropertyOrder({"account_sid", "date_created", "date_updated", "message_sid", "outcome", "uri"})
public record FeedbackJson(
        @JsonProperty("account_sid") String accountSid,
        @JsonProperty("date_created") String dateCreated,
        @JsonProperty("date_updated") String dateUpdated,
        @JsonProperty("message_sid") String messageSid,
        @JsonProperty("outcome") String outcome,
        @JsonProperty("uri") String uri) {

    /** RFC 2822 with a literal +0000, as Twilio writes it. */
    private static final DateTimeFormatter RFC_2822 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss '+0000'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    static FeedbackJson of(MessageFeedback feedback) {
        String account = feedback.id.accountSid();
        String message = feedback.id.messageSid();
        return new FeedbackJson(account, format(feedback.dateCreated), format(feedback.dateUpdated), message,
                feedback.outcome, uri(account, message));
    }

    static String uri(String accountSid, String messageSid) {
        return "/2010-04-01/Accounts/" + accountSid + "/Messages/" + messageSid + "/Feedback.json";
    }

    private static String format(Instant instant) {
        return RFC_2822.format(instant);
    }
}
