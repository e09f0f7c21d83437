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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
    void replaceAllIsACompareAndSetPerRowInOneStatement() {
        FeedbackKey other = new FeedbackKey(new AccountSid(Sids.account()), new MessageSid(Sids.sms()));
        FeedbackKey third = new FeedbackKey(new AccountSid(Sids.account()), new MessageSid(Sids.mms()));
        Feedback unconfirmed = new Feedback(key, Outcome.UNCONFIRMED, now, now);
        Feedback otherUnconfirmed = new Feedback(other, Outcome.UNCONFIRMED, now, now.plusSeconds(1));
        Feedback thirdUnconfirmed = new Feedback(third, Outcome.UNCONFIRMED, now, now);
        store.insertAllIfAbsent(List.of(unconfirmed, otherUnconfirmed, thirdUnconfirmed));
        Feedback confirmed = new Feedback(key, Outcome.CONFIRMED, now, now.plusMillis(5));
        Feedback staleExpectation = new Feedback(other, Outcome.UNCONFIRMED, now, now);
        Feedback otherConfirmed = new Feedback(other, Outcome.CONFIRMED, now, now.plusSeconds(2));
        Feedback thirdConfirmed = new Feedback(third, Outcome.CONFIRMED, now, now.plusMillis(5));

        assertEquals(List.of(true, false, true), store.replaceAll(
                List.of(unconfirmed, staleExpectation, thirdUnconfirmed), List.of(confirmed, otherConfirmed, thirdConfirmed)));
        assertEquals(Optional.of(confirmed), store.find(key));
        assertEquals(Optional.of(otherUnconfirmed), store.find(other), "a stale expectation changes nothing");
        assertEquals(Optional.of(thirdConfirmed), store.find(third));
        assertEquals(List.of(false, false), store.replaceAll(
                List.of(unconfirmed, thirdUnconfirmed), List.of(confirmed, thirdConfirmed)), "the expected states are gone");
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

    /**
     * Many candidates in one statement: new keys are stored, a key stored before is found, and a key
     * that comes twice reads as two calls in order (the second finds the first).
     */
    @Test
    void insertAllIfAbsentReadsAsTheSameCallsInOrder() {
        FeedbackKey old = new FeedbackKey(new AccountSid(Sids.account()), new MessageSid(Sids.sms()));
        FeedbackKey fresh = new FeedbackKey(new AccountSid(Sids.account()), new MessageSid(Sids.mms()));
        Feedback stored = new Feedback(old, Outcome.CONFIRMED, now.minusSeconds(60), now.minusSeconds(30));
        assertEquals(Optional.empty(), store.insertIfAbsent(stored));

        Feedback first = new Feedback(key, Outcome.UNCONFIRMED, now, now);
        Feedback again = new Feedback(key, Outcome.CONFIRMED, now.plusMillis(1), now.plusMillis(1));
        Feedback late = new Feedback(old, Outcome.UNCONFIRMED, now, now);
        Feedback other = new Feedback(fresh, Outcome.CONFIRMED, now, now);
        List<Optional<Feedback>> results = store.insertAllIfAbsent(List.of(first, late, again, other));

        assertEquals(List.of(Optional.empty(), Optional.of(stored), Optional.of(first), Optional.empty()), results);
        assertEquals(Optional.of(first), store.find(key));
        assertEquals(Optional.of(stored), store.find(old));
        assertEquals(Optional.of(other), store.find(fresh));
    }

    /**
     * Two statements with the same 300 new keys in opposite orders, at once: each key is stored by exactly
     * one of them, and neither waits for the other in a cycle (the store inserts in key order; without
     * that, PostgreSQL reports a deadlock here within a few rounds).
     */
    @Test
    void overlappingBatchesNeverDeadlock() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                List<Feedback> forward = new ArrayList<>();
                for (int i = 0; i < 300; i++) {
                    FeedbackKey k = new FeedbackKey(new AccountSid(Sids.account()), new MessageSid(Sids.sms()));
                    forward.add(new Feedback(k, Outcome.UNCONFIRMED, now, now));
                }
                List<Feedback> backward = new ArrayList<>(forward);
                java.util.Collections.reverse(backward);
                CountDownLatch start = new CountDownLatch(1);
                Future<List<Optional<Feedback>>> a = threads.submit(() -> {
                    start.await();
                    return store.insertAllIfAbsent(forward);
                });
                Future<List<Optional<Feedback>>> b = threads.submit(() -> {
                    start.await();
                    return store.insertAllIfAbsent(backward);
                });
                start.countDown();
                List<Optional<Feedback>> fromA = a.get(30, TimeUnit.SECONDS);
                List<Optional<Feedback>> fromB = b.get(30, TimeUnit.SECONDS);
                for (int i = 0; i < forward.size(); i++) {
                    boolean storedByA = fromA.get(i).isEmpty();
                    boolean storedByB = fromB.get(forward.size() - 1 - i).isEmpty();
                    assertTrue(storedByA ^ storedByB, "exactly one statement stored key " + i);
                    assertEquals(Optional.of(forward.get(i)), store.find(forward.get(i).key()));
                }
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static <T> T inTransaction(Supplier<T> work) {
        return QuarkusTransaction.requiringNew().call(work::get);
    }
}
