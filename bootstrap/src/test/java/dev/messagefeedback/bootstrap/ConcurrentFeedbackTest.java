package dev.messagefeedback.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** docs/api.md: concurrent POSTs for one message leave one record; every answer is a state that was stored. */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class ConcurrentFeedbackTest {

    static final int REQUESTS = 64;

    @Inject
    DataSource dataSource;

    @Test
    void sixtyFourConcurrentPostsOnOneNewMessageLeaveOneConfirmedRecord() throws Exception {
        TestAccounts.Credentials caller = TestAccounts.account();
        String account = caller.accountSid();
        String message = Sids.sms();
        String path = Sids.feedbackPath(account, message);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(REQUESTS);
        List<Future<Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < REQUESTS; i++) {
                String outcome = i % 2 == 0 ? "confirmed" : "unconfirmed";
                answers.add(clients.submit(() -> {
                    start.await();
                    return Api.form(caller, outcome).post(path);
                }));
            }
            start.countDown();
            List<JsonPath> bodies = new ArrayList<>();
            for (Future<Response> answer : answers) {
                Response response = answer.get(60, TimeUnit.SECONDS);
                assertEquals(201, response.statusCode(), response.asString());
                bodies.add(response.jsonPath());
            }
            List<FeedbackRows.Row> rows = FeedbackRows.of(dataSource, account, message);
            assertEquals(1, rows.size());
            FeedbackRows.Row row = rows.get(0);
            assertEquals("confirmed", row.outcome());

            // Every answer is a state that was stored: the one creation date, and an outcome that existed.
            String createdOnTheWire = bodies.get(0).getString("date_created");
            for (JsonPath body : bodies) {
                assertEquals(createdOnTheWire, body.getString("date_created"));
                assertTrue(Set.of("confirmed", "unconfirmed").contains(body.getString("outcome")));
                assertEquals(account, body.getString("account_sid"));
                assertEquals(message, body.getString("message_sid"));
            }
            long confirmedAnswers = bodies.stream().filter(b -> b.getString("outcome").equals("confirmed")).count();
            assertTrue(confirmedAnswers >= REQUESTS / 2, "every confirmation request is answered confirmed");
        } finally {
            clients.shutdownNow();
        }
    }

    /**
     * Many clients on many messages at once, as under load: concurrent POSTs share statements and commits
     * (the store's batch-size metric shows groups larger than one), yet every message keeps one record,
     * every answer is its stored creation date with a stored outcome, and no answered confirmation is lost.
     */
    @Test
    void concurrentPostsOnManyMessagesShareCommitsAndKeepEveryRule() throws Exception {
        TestAccounts.Credentials caller = TestAccounts.account();
        String account = caller.accountSid();
        List<String> messages = new ArrayList<>();
        for (int m = 0; m < 40; m++) {
            messages.add(Sids.sms());
        }
        int posts = 400;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(48);
        List<String> sentOutcome = new ArrayList<>();
        List<String> sentMessage = new ArrayList<>();
        List<Future<Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < posts; i++) {
                String message = messages.get((i * 7) % messages.size());
                String outcome = i % 3 == 0 ? "confirmed" : "unconfirmed";
                sentMessage.add(message);
                sentOutcome.add(outcome);
                answers.add(clients.submit(() -> {
                    start.await();
                    return Api.form(caller, outcome).post(Sids.feedbackPath(account, message));
                }));
            }
            start.countDown();
            Map<String, List<JsonPath>> bodiesByMessage = new HashMap<>();
            for (int i = 0; i < posts; i++) {
                Response response = answers.get(i).get(60, TimeUnit.SECONDS);
                assertEquals(201, response.statusCode(), response.asString());
                bodiesByMessage.computeIfAbsent(sentMessage.get(i), k -> new ArrayList<>()).add(response.jsonPath());
            }
            for (String message : messages) {
                List<FeedbackRows.Row> rows = FeedbackRows.of(dataSource, account, message);
                assertEquals(1, rows.size(), "one record for " + message);
                boolean confirmationSent = false;
                for (int i = 0; i < posts; i++) {
                    confirmationSent |= sentMessage.get(i).equals(message) && sentOutcome.get(i).equals("confirmed");
                }
                assertEquals(confirmationSent ? "confirmed" : "unconfirmed", rows.get(0).outcome(), message);
                String created = bodiesByMessage.get(message).get(0).getString("date_created");
                for (JsonPath body : bodiesByMessage.get(message)) {
                    assertEquals(created, body.getString("date_created"), "one creation date per message");
                    assertEquals(message, body.getString("message_sid"));
                }
            }
        } finally {
            clients.shutdownNow();
        }
        String metrics = Api.management().get("/q/metrics").asString();
        double largestBatch = metrics.lines().filter(line -> line.startsWith("feedback_store_batch_rows_max"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).max().orElse(0);
        assertTrue(largestBatch > 1, "concurrent POSTs shared a statement: largest batch " + largestBatch);
        double commitsWithinFiveSeconds = metrics.lines().filter(line -> line.startsWith("feedback_store_batch_seconds_bucket{")
                        && line.contains("le=\"5.0\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
        assertTrue(commitsWithinFiveSeconds > 0, "each group's write and commit is timed, in buckets: " + metrics.lines()
                .filter(line -> line.startsWith("feedback_store_batch_seconds")).toList());
    }
}
