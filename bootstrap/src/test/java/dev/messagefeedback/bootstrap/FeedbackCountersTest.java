package dev.messagefeedback.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.messagefeedback.application.port.out.FeedbackCountStore;
import dev.messagefeedback.domain.AccountSid;
import dev.messagefeedback.domain.DailyFeedbackCounts;
import dev.messagefeedback.domain.ReportingPeriod;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The per-day counters the summary reads are kept by the database in the statement that writes the
 * rows: whatever writes them, however concurrently, recounting the rows gives the counters.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class FeedbackCountersTest {

    @Inject
    DataSource dataSource;

    @Inject
    FeedbackCountStore counts;

    /**
     * Many writers at once on overlapping messages: POSTs through the service (its batches, its
     * compare-and-set confirmations) racing creations against confirmations, and direct SQL writers
     * with batches spread over UTC midnights, confirming in batches too. Then the counters equal the rows.
     */
    @Test
    void countersEqualTheRowsAfterConcurrentWritersRaceCreationsAndConfirmations() throws Exception {
        TestAccounts.Credentials first = TestAccounts.account();
        TestAccounts.Credentials second = TestAccounts.subaccountOf(first);
        List<TestAccounts.Credentials> callers = List.of(first, second);
        List<String> messages = new ArrayList<>();
        for (int m = 0; m < 60; m++) {
            messages.add(Sids.sms());
        }
        String sqlAccount = Sids.account();
        List<String> sqlMessages = new ArrayList<>();
        for (int m = 0; m < 120; m++) {
            sqlMessages.add(Sids.sms());
        }
        Instant midnight = LocalDate.parse("2026-03-02").atStartOfDay(ZoneOffset.UTC).toInstant();
        AtomicInteger deadlocks = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService writers = Executors.newFixedThreadPool(24);
        List<Future<?>> done = new ArrayList<>();
        try {
            for (int w = 0; w < 16; w++) {
                done.add(writers.submit(() -> {
                    start.await();
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    for (int i = 0; i < 40; i++) {
                        TestAccounts.Credentials caller = callers.get(random.nextInt(callers.size()));
                        String message = messages.get(random.nextInt(messages.size()));
                        String path = Sids.feedbackPath(caller.accountSid(), message);
                        int pick = random.nextInt(3);
                        Response response = pick == 0 ? Api.as(caller).contentType(Api.FORM).post(path)
                                : Api.form(caller, pick == 1 ? "unconfirmed" : "confirmed").post(path);
                        assertEquals(201, response.statusCode(), response.asString());
                    }
                    return null;
                }));
            }
            for (int w = 0; w < 8; w++) {
                done.add(writers.submit(() -> {
                    start.await();
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    for (int i = 0; i < 30; i++) {
                        TreeSet<String> batch = new TreeSet<>();
                        for (int k = 0; k < 1 + random.nextInt(12); k++) {
                            batch.add(sqlMessages.get(random.nextInt(sqlMessages.size())));
                        }
                        try {
                            if (random.nextBoolean()) {
                                insertIfAbsent(sqlAccount, batch, midnight, random);
                            } else {
                                confirm(sqlAccount, batch);
                            }
                        } catch (SQLException e) {
                            if (!"40P01".equals(e.getSQLState())) {
                                throw e;
                            }
                            deadlocks.incrementAndGet(); // rolled back whole: the counters with it
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> writer : done) {
                writer.get(120, TimeUnit.SECONDS);
            }
        } finally {
            writers.shutdownNow();
        }
        assertEquals(List.of(), FeedbackCounts.disagreements(dataSource));
        assertTrue(FeedbackCounts.counterRows(dataSource, sqlAccount) <= 3 * 16,
                "counters are per day and stripe, not per record");
        assertEquals(0, deadlocks.get(), "batches written in key order never deadlock");
    }

    /** Days are UTC days: the last microsecond of a day and the first of the next are two days. */
    @Test
    void countPerDaySplitsAtUtcMidnightAndSumsTheAccountsAsked() throws SQLException {
        String account = Sids.account();
        String subaccount = Sids.account();
        Instant midnight = LocalDate.parse("2026-03-02").atStartOfDay(ZoneOffset.UTC).toInstant();
        String late = Sids.sms();
        String early = Sids.sms();
        insert(account, late, "unconfirmed", midnight.minusNanos(1_000));
        insert(account, early, "confirmed", midnight);
        insert(subaccount, Sids.sms(), "unconfirmed", midnight.plusSeconds(3600));
        ReportingPeriod period = new ReportingPeriod(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-02"));

        assertEquals(List.of(day("2026-03-01", 0, 1), day("2026-03-02", 1, 0)),
                counts.countPerDay(Set.of(new AccountSid(account)), period));
        assertEquals(List.of(day("2026-03-01", 0, 1), day("2026-03-02", 1, 1)),
                counts.countPerDay(Set.of(new AccountSid(account), new AccountSid(subaccount)), period));
        assertEquals(List.of(day("2026-03-01", 0, 1)), counts.countPerDay(Set.of(new AccountSid(account)),
                new ReportingPeriod(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-01"))));

        confirm(account, new TreeSet<>(Set.of(late)));
        assertEquals(List.of(day("2026-03-01", 1, 0), day("2026-03-02", 1, 0)),
                counts.countPerDay(Set.of(new AccountSid(account)), period),
                "a confirmation counts on the day its feedback was created");
        assertEquals(List.of(), counts.countPerDay(Set.of(new AccountSid(Sids.account())), period));
    }

    private static DailyFeedbackCounts day(String day, long confirmed, long unconfirmed) {
        return new DailyFeedbackCounts(LocalDate.parse(day), new dev.messagefeedback.domain.FeedbackCounts(confirmed, unconfirmed));
    }

    private void insert(String account, String message, String outcome, Instant created) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO message_feedback"
                        + " (account_sid, message_sid, outcome, date_created, date_updated) VALUES (?, ?, ?, ?, ?)")) {
            OffsetDateTime at = OffsetDateTime.ofInstant(created, ZoneOffset.UTC);
            insert.setString(1, account);
            insert.setString(2, message);
            insert.setString(3, outcome);
            insert.setObject(4, at);
            insert.setObject(5, at);
            insert.executeUpdate();
        }
    }

    /** One multi-row statement, keys in order, dates within a minute of either side of midnight. */
    private void insertIfAbsent(String account, TreeSet<String> messages, Instant midnight, ThreadLocalRandom random)
            throws SQLException {
        StringBuilder sql = new StringBuilder(
                "INSERT INTO message_feedback (account_sid, message_sid, outcome, date_created, date_updated) VALUES ");
        sql.append(String.join(", ", java.util.Collections.nCopies(messages.size(), "(?, ?, ?, ?, ?)")));
        sql.append(" ON CONFLICT (account_sid, message_sid) DO NOTHING");
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(sql.toString())) {
            int p = 1;
            for (String message : messages) {
                OffsetDateTime at = OffsetDateTime.ofInstant(
                        midnight.plusMillis(random.nextLong(-60_000, 60_000)), ZoneOffset.UTC);
                insert.setString(p++, account);
                insert.setString(p++, message);
                insert.setString(p++, random.nextBoolean() ? "confirmed" : "unconfirmed");
                insert.setObject(p++, at);
                insert.setObject(p++, at);
            }
            insert.executeUpdate();
        }
    }

    /** One statement confirming every unconfirmed one of the messages. */
    private void confirm(String account, TreeSet<String> messages) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement("""
                        UPDATE message_feedback SET outcome = 'confirmed', date_updated = greatest(now(), date_created)
                         WHERE account_sid = ? AND message_sid = ANY (?::text[]) AND outcome = 'unconfirmed'
                        """)) {
            update.setString(1, account);
            update.setArray(2, connection.createArrayOf("text", messages.toArray()));
            update.executeUpdate();
        }
    }
}
