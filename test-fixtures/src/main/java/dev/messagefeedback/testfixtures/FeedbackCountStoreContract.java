package dev.messagefeedback.testfixtures;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.messagefeedback.application.port.out.FeedbackCountStore;
import dev.messagefeedback.application.port.out.FeedbackStore;
import dev.messagefeedback.domain.AccountSid;
import dev.messagefeedback.domain.DailyFeedbackCounts;
import dev.messagefeedback.domain.Feedback;
import dev.messagefeedback.domain.FeedbackCounts;
import dev.messagefeedback.domain.FeedbackKey;
import dev.messagefeedback.domain.MessageSid;
import dev.messagefeedback.domain.Outcome;
import dev.messagefeedback.domain.ReportingPeriod;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * What every {@link FeedbackCountStore} promises about the feedback its {@link FeedbackStore} keeps: the
 * counts follow every write, per account and UTC day of creation, each record counted as
 * {@link FeedbackCounts#of} says for its outcome. Feedback is written only through the feedback store,
 * never into the counts, so a store whose counts do not follow its rows fails here. Run against the
 * in-memory store (test-fixtures' tests) and PostgreSQL (bootstrap).
 *
 * <p>Each test uses accounts of its own, so a store shared by all tests (a database) is fine.
 */
public abstract class FeedbackCountStoreContract {

    /** Where feedback is written. */
    protected abstract FeedbackStore feedback();

    /** Where its counts are read: the same store's. */
    protected abstract FeedbackCountStore counts();

    /** Runs {@code work} in a transaction of its own where the store has transactions. */
    protected <T> T inTransaction(Supplier<T> work) {
        return work.get();
    }

    static final LocalDate DAY = LocalDate.parse("2026-03-01");
    static final Instant MIDNIGHT = Instant.parse("2026-03-01T00:00:00Z");

    private final AccountSid account = newAccount();

    /** Every outcome the domain knows is counted, and counted as {@link FeedbackCounts#of} says. */
    @Test
    public void everyOutcomeIsCounted() {
        for (Outcome outcome : Outcome.values()) {
            AccountSid own = newAccount();
            insert(new Feedback(key(own), outcome, MIDNIGHT.plusSeconds(60), MIDNIGHT.plusSeconds(60)));
            assertEquals(List.of(new DailyFeedbackCounts(DAY, FeedbackCounts.of(outcome, 1))),
                    countPerDay(Set.of(own), DAY, DAY), "a feedback " + outcome.wireName() + " is counted");
        }
    }

    @Test
    public void countsArePerUtcDayOfCreationInDayOrderWithinThePeriod() {
        insert(new Feedback(key(account), Outcome.CONFIRMED, MIDNIGHT, MIDNIGHT));
        insert(new Feedback(key(account), Outcome.UNCONFIRMED, at("2026-03-01T23:59:59.999999Z"), at("2026-03-02T00:00:01Z")));
        insert(new Feedback(key(account), Outcome.UNCONFIRMED, at("2026-03-03T12:00:00Z"), at("2026-03-03T12:00:00Z")));
        insert(new Feedback(key(account), Outcome.CONFIRMED, at("2026-02-28T23:59:59.999999Z"), at("2026-03-01T00:00:00Z")));
        insert(new Feedback(key(account), Outcome.CONFIRMED, at("2026-03-04T00:00:00Z"), at("2026-03-04T00:00:00Z")));

        assertEquals(List.of(
                new DailyFeedbackCounts(DAY, new FeedbackCounts(1, 1)),
                new DailyFeedbackCounts(LocalDate.parse("2026-03-03"), new FeedbackCounts(0, 1))),
                countPerDay(Set.of(account), DAY, LocalDate.parse("2026-03-03")));
        assertEquals(List.of(), countPerDay(Set.of(newAccount()), DAY, LocalDate.parse("2026-03-03")),
                "an account without feedback has no counts");
    }

    @Test
    public void theAccountsAskedForAreSummedAndNoOthers() {
        AccountSid other = newAccount();
        AccountSid notAsked = newAccount();
        insert(new Feedback(key(account), Outcome.CONFIRMED, MIDNIGHT, MIDNIGHT));
        insert(new Feedback(key(other), Outcome.UNCONFIRMED, MIDNIGHT, MIDNIGHT));
        insert(new Feedback(key(other), Outcome.UNCONFIRMED, MIDNIGHT, MIDNIGHT));
        insert(new Feedback(key(notAsked), Outcome.CONFIRMED, MIDNIGHT, MIDNIGHT));

        assertEquals(List.of(new DailyFeedbackCounts(DAY, new FeedbackCounts(1, 2))),
                countPerDay(Set.of(account, other), DAY, DAY));
        assertEquals(List.of(new DailyFeedbackCounts(DAY, new FeedbackCounts(0, 2))),
                countPerDay(Set.of(other), DAY, DAY));
    }

    /** A confirmation moves one record from unconfirmed to confirmed on its day of creation, not of update. */
    @Test
    public void aConfirmationMovesTheRecordOnItsDayOfCreation() {
        Feedback unconfirmed = new Feedback(key(account), Outcome.UNCONFIRMED, MIDNIGHT, MIDNIGHT);
        insert(unconfirmed);
        Feedback confirmed = unconfirmed.receive(Optional.of(Outcome.CONFIRMED), at("2026-03-02T08:00:00Z"));
        assertEquals(true, inTransaction(() -> feedback().replace(unconfirmed, confirmed)));

        assertEquals(List.of(new DailyFeedbackCounts(DAY, new FeedbackCounts(1, 0))),
                countPerDay(Set.of(account), DAY, LocalDate.parse("2026-03-02")));
    }

    /** Writes that store nothing count nothing: an insert that finds a record, a compare-and-set that loses. */
    @Test
    public void writesThatStoreNothingCountNothing() {
        Feedback unconfirmed = new Feedback(key(account), Outcome.UNCONFIRMED, MIDNIGHT, MIDNIGHT);
        insert(unconfirmed);
        insert(new Feedback(unconfirmed.key(), Outcome.CONFIRMED, MIDNIGHT, MIDNIGHT));
        Feedback stale = new Feedback(unconfirmed.key(), Outcome.UNCONFIRMED, MIDNIGHT, MIDNIGHT.plusSeconds(1));
        Feedback confirmed = new Feedback(unconfirmed.key(), Outcome.CONFIRMED, MIDNIGHT, MIDNIGHT.plusSeconds(2));
        assertEquals(false, inTransaction(() -> feedback().replace(stale, confirmed)));

        assertEquals(List.of(new DailyFeedbackCounts(DAY, new FeedbackCounts(0, 1))), countPerDay(Set.of(account), DAY, DAY));
    }

    /** A batch counts each record it stored once: a key given twice, or stored before, is not counted again. */
    @Test
    public void aBatchCountsEachStoredRecordOnce() {
        Feedback before = new Feedback(key(account), Outcome.CONFIRMED, MIDNIGHT, MIDNIGHT);
        insert(before);
        List<Feedback> batch = new ArrayList<>();
        Feedback twice = new Feedback(key(account), Outcome.UNCONFIRMED, MIDNIGHT, MIDNIGHT);
        batch.add(twice);
        batch.add(new Feedback(twice.key(), Outcome.CONFIRMED, MIDNIGHT, MIDNIGHT));
        batch.add(new Feedback(before.key(), Outcome.UNCONFIRMED, MIDNIGHT, MIDNIGHT));
        for (int i = 0; i < 5; i++) {
            batch.add(new Feedback(key(account), i % 2 == 0 ? Outcome.CONFIRMED : Outcome.UNCONFIRMED, MIDNIGHT, MIDNIGHT));
        }
        inTransaction(() -> feedback().insertAllIfAbsent(batch));

        assertEquals(List.of(new DailyFeedbackCounts(DAY, new FeedbackCounts(1 + 3, 1 + 2))),
                countPerDay(Set.of(account), DAY, DAY));
    }

    private void insert(Feedback candidate) {
        inTransaction(() -> feedback().insertIfAbsent(candidate));
    }

    private List<DailyFeedbackCounts> countPerDay(Set<AccountSid> accounts, LocalDate start, LocalDate end) {
        return inTransaction(() -> counts().countPerDay(accounts, new ReportingPeriod(start, end)));
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    private static AccountSid newAccount() {
        return new AccountSid("AC" + FeedbackStoreContract.hex32());
    }

    private static FeedbackKey key(AccountSid account) {
        return new FeedbackKey(account, new MessageSid("SM" + FeedbackStoreContract.hex32()));
    }
}
