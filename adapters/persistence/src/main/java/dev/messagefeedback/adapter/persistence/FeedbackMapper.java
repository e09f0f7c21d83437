package dev.messagefeedback.adapter.persistence;

import dev.messagefeedback.domain.AccountSid;
import dev.messagefeedback.domain.Feedback;
import dev.messagefeedback.domain.FeedbackKey;
import dev.messagefeedback.domain.MessageSid;
import dev.messagefeedback.domain.Outcome;

/** Between the domain's {@link Feedback} and this adapter's rows. */
final class FeedbackMapper {

    private FeedbackMapper() {
    }

    static Feedback toDomain(FeedbackEntity entity) {
        FeedbackKey key = new FeedbackKey(new AccountSid(entity.id.accountSid), new MessageSid(entity.id.messageSid));
        return new Feedback(key, outcome(entity.outcome), entity.dateCreated, entity.dateUpdated);
    }

    /** The column holds wire names; the schema's check constraint admits no other. */
    static Outcome outcome(String stored) {
        return Outcome.fromWireName(stored).orElseThrow(() -> new IllegalStateException("unknown outcome stored: " + stored));
    }

    static FeedbackEntityKey toEntityKey(FeedbackKey key) {
        return new FeedbackEntityKey(key.accountSid().value(), key.messageSid().value());
    }
}
