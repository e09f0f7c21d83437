package dev.messagefeedback.testfixtures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.messagefeedback.application.port.out.FeedbackStore;
import dev.messagefeedback.domain.AccountSid;
import dev.messagefeedback.domain.Feedback;
import dev.messagefeedback.domain.FeedbackKey;
import dev.messagefeedback.domain.MessageSid;
import dev.messagefeedback.domain.Outcome;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * What every {@link FeedbackStore} promises, whatever keeps the records: run against the in-memory fake
 * (application tests) and against PostgreSQL (a {@code @QuarkusTest} subclass in bootstrap), so the fake
 * the service's tests rely on cannot drift from the store the service really uses.
 *
 * <p>Instants are truncated to the microsecond, the precision PostgreSQL keeps. Test methods are public
 * because subclasses live in other packages (and class loaders).
 */
public abstract class FeedbackStoreContract {

    /** The store under test; each test uses fresh keys, so a store shared by all tests is fine. */
    protected abstract FeedbackStore store();

    /** Runs {@code work} in a transaction of its own where the store has transactions; the fake has none. */
    protected <T> T inTransaction(Supplier<T> work) {
        return work.get();
    }

    protected final FeedbackKey key = newKey();
    protected final Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

    @Test
    public void insertIfAbsentStoresANewFeedbackOnce() {
        Feedback first = new Feedback(key, Outcome.UNCONFIRMED, now, now);
        assertEquals(Optional.empty(), inTransaction(() -> store().insertIfAbsent(first)));
        Feedback second = new Feedback(key, Outcome.CONFIRMED, now.plusSeconds(5), now.plusSeconds(5));
        assertEquals(Optional.of(first), inTransaction(() -> store().insertIfAbsent(second)));
        assertEquals(Optional.of(first), inTransaction(() -> store().find(key)));
    }

    @Test
    public void findOfAnUnknownKeyIsEmpty() {
        assertEquals(Optional.empty(), inTransaction(() -> store().find(key)));
    }

    /** SIDs are compared exactly as given: hex of another case is another message, another account another record. */
    @Test
    public void keysAreComparedExactly() {
        String hex = "abcdef" + hex32().substring(6);
        FeedbackKey lower = new FeedbackKey(key.accountSid(), new MessageSid("SM" + hex));
        FeedbackKey upper = new FeedbackKey(key.accountSid(), new MessageSid("SM" + hex.toUpperCase()));
        FeedbackKey otherAccount = new FeedbackKey(new AccountSid("AC" + hex32()), lower.messageSid());
        for (FeedbackKey each : List.of(lower, upper, otherAccount)) {
            assertEquals(Optional.empty(), store().insertIfAbsent(new Feedback(each, Outcome.UNCONFIRMED, now, now)),
                    "a record of its own: " + each);
        }
        assertEquals(Optional.empty(), store().find(new FeedbackKey(key.accountSid(), new MessageSid("MM" + hex))));
    }

    @Test
    public void replaceIsACompareAndSet() {
        Feedback unconfirmed = new Feedback(key, Outcome.UNCONFIRMED, now, now);
        Feedback confirmed = new Feedback(key, Outcome.CONFIRMED, now, now.plusMillis(1500));
        inTransaction(() -> store().insertIfAbsent(unconfirmed));
        assertTrue(inTransaction(() -> store().replace(unconfirmed, confirmed)));
        assertFalse(inTransaction(() -> store().replace(unconfirmed, confirmed)), "the expected state is gone");
        assertEquals(Optional.of(confirmed), inTransaction(() -> store().find(key)));
    }

    @Test
    public void replaceOfAnAbsentKeyStoresNothing() {
        Feedback unconfirmed = new Feedback(key, Outcome.UNCONFIRMED, now, now);
        Feedback confirmed = new Feedback(key, Outcome.CONFIRMED, now, now.plusMillis(1));
        assertFalse(inTransaction(() -> store().replace(unconfirmed, confirmed)));
        assertEquals(Optional.empty(), inTransaction(() -> store().find(key)));
    }

    /**
     * The compare-and-set compares what a request can change, the outcome and {@code date_updated}, and
     * sets only those: {@code date_created} is written once, by the insert, and never changes.
     */
    @Test
    public void replaceComparesAndSetsOutcomeAndDateUpdatedOnly() {
        Feedback stored = new Feedback(key, Outcome.UNCONFIRMED, now, now.plusSeconds(1));
        store().insertIfAbsent(stored);

        Feedback otherOutcome = new Feedback(key, Outcome.CONFIRMED, now, now.plusSeconds(1));
        assertFalse(inTransaction(() -> store().replace(otherOutcome,
                new Feedback(key, Outcome.CONFIRMED, now, now.plusSeconds(2)))), "the outcome differs");
        Feedback otherUpdate = new Feedback(key, Outcome.UNCONFIRMED, now, now.plusMillis(999));
        assertFalse(inTransaction(() -> store().replace(otherUpdate,
                new Feedback(key, Outcome.CONFIRMED, now, now.plusSeconds(2)))), "date_updated differs");
        assertEquals(Optional.of(stored), store().find(key));

        Feedback sameChangeableState = new Feedback(key, Outcome.UNCONFIRMED, now.minusSeconds(60), now.plusSeconds(1));
        Feedback replacement = new Feedback(key, Outcome.CONFIRMED, now.minusSeconds(60), now.plusSeconds(2));
        assertTrue(inTransaction(() -> store().replace(sameChangeableState, replacement)),
                "outcome and date_updated are the expected ones");
        assertEquals(Optional.of(new Feedback(key, Outcome.CONFIRMED, now, now.plusSeconds(2))), store().find(key),
                "date_created is the stored one");
    }

    @Test
    public void replaceAllIsACompareAndSetPerPair() {
        FeedbackKey other = newKey();
        FeedbackKey third = new FeedbackKey(newKey().accountSid(), new MessageSid("MM" + hex32()));
        Feedback unconfirmed = new Feedback(key, Outcome.UNCONFIRMED, now, now);
        Feedback otherUnconfirmed = new Feedback(other, Outcome.UNCONFIRMED, now, now.plusSeconds(1));
        Feedback thirdUnconfirmed = new Feedback(third, Outcome.UNCONFIRMED, now, now);
        store().insertAllIfAbsent(List.of(unconfirmed, otherUnconfirmed, thirdUnconfirmed));
        Feedback confirmed = new Feedback(key, Outcome.CONFIRMED, now, now.plusMillis(5));
        Feedback staleExpectation = new Feedback(other, Outcome.UNCONFIRMED, now, now);
        Feedback otherConfirmed = new Feedback(other, Outcome.CONFIRMED, now, now.plusSeconds(2));
        Feedback thirdConfirmed = new Feedback(third, Outcome.CONFIRMED, now, now.plusMillis(5));

        assertEquals(List.of(true, false, true), store().replaceAll(
                List.of(unconfirmed, staleExpectation, thirdUnconfirmed), List.of(confirmed, otherConfirmed, thirdConfirmed)));
        assertEquals(Optional.of(confirmed), store().find(key));
        assertEquals(Optional.of(otherUnconfirmed), store().find(other), "a stale expectation changes nothing");
        assertEquals(Optional.of(thirdConfirmed), store().find(third));
        assertEquals(List.of(false, false), store().replaceAll(
                List.of(unconfirmed, thirdUnconfirmed), List.of(confirmed, thirdConfirmed)), "the expected states are gone");
    }

    @Test
    public void replaceAllRefusesPairsThatDoNotMatch() {
        Feedback unconfirmed = new Feedback(key, Outcome.UNCONFIRMED, now, now);
        store().insertIfAbsent(unconfirmed);
        Feedback elsewhere = new Feedback(newKey(), Outcome.CONFIRMED, now, now.plusSeconds(1));
        assertThrows(IllegalArgumentException.class,
                () -> store().replaceAll(List.of(unconfirmed), List.of(elsewhere)), "a replacement keeps the key");
        assertThrows(IllegalArgumentException.class,
                () -> store().replaceAll(List.of(unconfirmed), List.of()), "one replacement per expected feedback");
        assertEquals(Optional.of(unconfirmed), store().find(key));
    }

    /** Many callers with the same expectation at once: exactly one of them replaces it. */
    @Test
    public void concurrentReplacesOfOneStateHaveOneWinner() throws Exception {
        Feedback unconfirmed = new Feedback(key, Outcome.UNCONFIRMED, now, now);
        store().insertIfAbsent(unconfirmed);
        int callers = 8;
        ExecutorService threads = Executors.newFixedThreadPool(callers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> answers = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                Feedback replacement = new Feedback(key, Outcome.CONFIRMED, now, now.plusMillis(i + 1));
                answers.add(threads.submit(() -> {
                    start.await();
                    return store().replace(unconfirmed, replacement);
                }));
            }
            start.countDown();
            int winners = 0;
            for (Future<Boolean> answer : answers) {
                winners += answer.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertEquals(1, winners);
            assertEquals(Outcome.CONFIRMED, store().find(key).orElseThrow().outcome());
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    public void findSeesChangesMadeInTheSameTransaction() {
        Feedback unconfirmed = new Feedback(key, Outcome.UNCONFIRMED, now, now);
        Feedback confirmed = new Feedback(key, Outcome.CONFIRMED, now, now.plusSeconds(1));
        Optional<Feedback> seen = inTransaction(() -> {
            store().insertIfAbsent(unconfirmed);
            store().find(key);
            store().replace(unconfirmed, confirmed);
            return store().find(key);
        });
        assertEquals(Optional.of(confirmed), seen);
    }

    /**
     * Many candidates at once: new keys are stored, a key stored before is found, and a key that comes
     * twice reads as two calls in order (the second finds the first).
     */
    @Test
    public void insertAllIfAbsentReadsAsTheSameCallsInOrder() {
        FeedbackKey old = newKey();
        FeedbackKey fresh = new FeedbackKey(newKey().accountSid(), new MessageSid("MM" + hex32()));
        Feedback stored = new Feedback(old, Outcome.CONFIRMED, now.minusSeconds(60), now.minusSeconds(30));
        assertEquals(Optional.empty(), store().insertIfAbsent(stored));

        Feedback first = new Feedback(key, Outcome.UNCONFIRMED, now, now);
        Feedback again = new Feedback(key, Outcome.CONFIRMED, now.plusMillis(1), now.plusMillis(1));
        Feedback late = new Feedback(old, Outcome.UNCONFIRMED, now, now);
        Feedback other = new Feedback(fresh, Outcome.CONFIRMED, now, now);
        List<Optional<Feedback>> results = store().insertAllIfAbsent(List.of(first, late, again, other));

        assertEquals(List.of(Optional.empty(), Optional.of(stored), Optional.of(first), Optional.empty()), results);
        assertEquals(Optional.of(first), store().find(key));
        assertEquals(Optional.of(stored), store().find(old));
        assertEquals(Optional.of(other), store().find(fresh));
    }

    /**
     * Two batches with the same 300 new keys in opposite orders, at once: each key is stored by exactly
     * one of them, and neither waits for the other in a cycle (a store that locks keys in the order given
     * would deadlock here within a few rounds on PostgreSQL).
     */
    @Test
    public void overlappingBatchesStoreEachKeyOnceAndNeverDeadlock() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                List<Feedback> forward = new ArrayList<>();
                for (int i = 0; i < 300; i++) {
                    forward.add(new Feedback(newKey(), Outcome.UNCONFIRMED, now, now));
                }
                List<Feedback> backward = new ArrayList<>(forward);
                Collections.reverse(backward);
                CountDownLatch start = new CountDownLatch(1);
                Future<List<Optional<Feedback>>> a = threads.submit(() -> {
                    start.await();
                    return store().insertAllIfAbsent(forward);
                });
                Future<List<Optional<Feedback>>> b = threads.submit(() -> {
                    start.await();
                    return store().insertAllIfAbsent(backward);
                });
                start.countDown();
                List<Optional<Feedback>> fromA = a.get(30, TimeUnit.SECONDS);
                List<Optional<Feedback>> fromB = b.get(30, TimeUnit.SECONDS);
                for (int i = 0; i < forward.size(); i++) {
                    boolean storedByA = fromA.get(i).isEmpty();
                    boolean storedByB = fromB.get(forward.size() - 1 - i).isEmpty();
                    assertTrue(storedByA ^ storedByB, "exactly one batch stored key " + i);
                    assertEquals(Optional.of(forward.get(i)), store().find(forward.get(i).key()));
                }
            }
        } finally {
            threads.shutdownNow();
        }
    }

    protected static FeedbackKey newKey() {
        return new FeedbackKey(new AccountSid("AC" + hex32()), new MessageSid("SM" + hex32()));
    }

    protected static String hex32() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return HexFormat.of().toHexDigits(random.nextLong()) + HexFormat.of().toHexDigits(random.nextLong());
    }
}
