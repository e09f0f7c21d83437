package dev.messagefeedback.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.messagefeedback.application.port.out.FeedbackStore;
import dev.messagefeedback.domain.AccountSid;
import dev.messagefeedback.domain.Feedback;
import dev.messagefeedback.domain.FeedbackKey;
import dev.messagefeedback.domain.MessageSid;
import dev.messagefeedback.domain.Outcome;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The store port's contract, against the PostgreSQL adapter the service really uses. */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class PostgresFeedbackStoreContractTest {

    @Inject
    FeedbackStore store;

    final FeedbackKey key = new FeedbackKey(new AccountSid(Sids.account()), new MessageSid(Sids.sms()));
    final Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

    @Test
    void insertIfAbsentStoresANewFeedbackOnce() {
        Feedback first = new Feedback(key, Outcome.UNCONFIRMED, now, now);
        assertEquals(Optional.empty(), inTransaction(() -> store.insertIfAbsent(first)));
        Feedback second = new Feedback(key, Outcome.CONFIRMED, now.plusSeconds(5), now.plusSeconds(5));
        assertEquals(Optional.of(first), inTransaction(() -> store.insertIfAbsent(second)));
        assertEquals(Optional.of(first), inTransaction(() -> store.find(key)));
    }

    @Test
    void replaceIsACompareAndSet() {
        Feedback unconfirmed = new Feedback(key, Outcome.UNCONFIRMED, now, now);
        Feedback confirmed = new Feedback(key, Outcome.CONFIRMED, now, now.plusMillis(1500));
        inTransaction(() -> store.insertIfAbsent(unconfirmed));
        assertTrue(inTransaction(() -> store.replace(unconfirmed, confirmed)));
        assertFalse(inTransaction(() -> store.replace(unconfirmed, confirmed)), "the expected state is gone");
        assertEquals(Optional.of(confirmed), inTransaction(() -> store.find(key)));
    }

    @Test
    void findSeesChangesMadeInTheSameTransaction() {
        Feedback unconfirmed = new Feedback(key, Outcome.UNCONFIRMED, now, now);
        Feedback confirmed = new Feedback(key, Outcome.CONFIRMED, now, now.plusSeconds(1));
        Optional<Feedback> seen = inTransaction(() -> {
            store.insertIfAbsent(unconfirmed);
            store.find(key);
            store.replace(unconfirmed, confirmed);
            return store.find(key);
        });
        assertEquals(Optional.of(confirmed), seen);
    }

    @Test
    void findOfAnUnknownKeyIsEmpty() {
        assertEquals(Optional.empty(), inTransaction(() -> store.find(key)));
    }

    private static <T> T inTransaction(Supplier<T> work) {
        return QuarkusTransaction.requiringNew().call(work::get);
    }
}
