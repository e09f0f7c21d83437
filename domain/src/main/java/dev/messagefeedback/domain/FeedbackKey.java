package dev.messagefeedback.domain;

import java.util.Objects;

/** Feedback is kept per account and message: one account never sees or changes another's record. */
public record FeedbackKey(AccountSid accountSid, MessageSid messageSid) {

    public FeedbackKey {
        Objects.requireNonNull(accountSid, "accountSid");
        Objects.requireNonNull(messageSid, "messageSid");
    }
}
