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
        return toDomain(entity.id.accountSid, entity.id.messageSid, entity.outcome, entity.dateCreated,
                entity.dateUpdated);
    }

    static FeedbackEntityKey toEntityKey(FeedbackKey key) {
        return new FeedbackEntityKey(key.accountSid().value(), key.messageSid().value());
    }

    private static Feedback toDomain(String accountSid, String messageSid, String outcome,
            java.time.Instant dateCreated, java.time.Instant dateUpdated) {
        Outcome storedOutcome = Outcome.fromWireName(outcome)
                .orElseThrow(() -> new IllegalStateException("unknown outcome stored: " + outcome));
        return new Feedback(new FeedbackKey(new AccountSid(accountSid), new MessageSid(messageSid)),
                storedOutcome, dateCreated, dateUpdated);
    }
}
