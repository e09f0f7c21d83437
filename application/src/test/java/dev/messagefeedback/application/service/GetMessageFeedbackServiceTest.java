package dev.messagefeedback.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.messagefeedback.application.port.in.GetMessageFeedbackQuery;
import dev.messagefeedback.domain.AccountSid;
import dev.messagefeedback.domain.Feedback;
import dev.messagefeedback.domain.FeedbackKey;
import dev.messagefeedback.domain.MessageSid;
import dev.messagefeedback.domain.Outcome;
import dev.messagefeedback.testfixtures.InMemoryFeedbackStore;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GetMessageFeedbackServiceTest {

    static final AccountSid ACCOUNT = new AccountSid("AC" + "a".repeat(32));
    static final AccountSid OTHER_ACCOUNT = new AccountSid("AC" + "b".repeat(32));
    static final MessageSid MESSAGE = new MessageSid("SM" + "c".repeat(32));

    final InMemoryFeedbackStore store = new InMemoryFeedbackStore();
    final GetMessageFeedbackService service = new GetMessageFeedbackService(store);

    @Test
    void answersTheStoredFeedback() {
        Instant created = Instant.parse("2026-03-01T10:00:00Z");
        Feedback stored = new Feedback(new FeedbackKey(ACCOUNT, MESSAGE), Outcome.CONFIRMED, created, created.plusSeconds(60));
        store.put(stored);
        assertEquals(Optional.of(stored), service.getMessageFeedback(new GetMessageFeedbackQuery(stored.key())));
    }

    @Test
    void answersNothingForAMessageWithoutFeedback() {
        assertEquals(Optional.empty(), service.getMessageFeedback(new GetMessageFeedbackQuery(new FeedbackKey(ACCOUNT, MESSAGE))));
    }

    @Test
    void anotherAccountsFeedbackOfTheSameMessageIsNotThisAccounts() {
        Instant created = Instant.parse("2026-03-01T10:00:00Z");
        store.put(new Feedback(new FeedbackKey(OTHER_ACCOUNT, MESSAGE), Outcome.CONFIRMED, created, created));
        assertEquals(Optional.empty(), service.getMessageFeedback(new GetMessageFeedbackQuery(new FeedbackKey(ACCOUNT, MESSAGE))));
    }
}
