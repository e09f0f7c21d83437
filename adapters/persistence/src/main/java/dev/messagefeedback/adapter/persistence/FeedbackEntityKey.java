package dev.messagefeedback.adapter.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.util.Objects;

/** The primary key of {@code message_feedback}: account and message. */
@Embeddable
public class FeedbackEntityKey implements Serializable {

    private static final long serialVersionUID = 1L;

    @Column(name = "account_sid", nullable = false, length = 34)
    public String accountSid;

    @Column(name = "message_sid", nullable = false, length = 34)
    public String messageSid;

    protected FeedbackEntityKey() {
    }

    FeedbackEntityKey(String accountSid, String messageSid) {
        this.accountSid = accountSid;
        this.messageSid = messageSid;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FeedbackEntityKey that
                && accountSid.equals(that.accountSid) && messageSid.equals(that.messageSid);
    }

    @Override
    public int hashCode() {
        return Objects.hash(accountSid, messageSid);
    }
}
