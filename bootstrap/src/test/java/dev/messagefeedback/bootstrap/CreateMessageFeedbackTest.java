package dev.messagefeedback.bootstrap;

import static dev.messagefeedback.bootstrap.Api.FORM;
import static dev.messagefeedback.bootstrap.Api.REQUEST_ID;
import static dev.messagefeedback.bootstrap.Api.RFC_2822_UTC;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Create Message Feedback over HTTP, against PostgreSQL: the rules of docs/api.md and every row of its outcome table. */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class CreateMessageFeedbackTest {

    static final DateTimeFormatter RFC_2822 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ENGLISH);

    @Inject
    DataSource dataSource;

    final TestAccounts.Credentials caller = TestAccounts.account();
    final String account = caller.accountSid();
    final String message = Sids.sms();
    final String path = Sids.feedbackPath(account, message);

    Response post(String outcome) {
        return (outcome == null ? Api.as(caller) : Api.form(caller, outcome)).post(path);
    }

    @Test
    void answers201WithExactlyTwiliosBody() {
        Response response = post("confirmed");
        response.then()
                .statusCode(201)
                .contentType("application/json")
                .header("Twilio-Request-Id", matchesPattern(REQUEST_ID))
                .body("account_sid", equalTo(account))
                .body("message_sid", equalTo(message))
                .body("outcome", equalTo("confirmed"))
                .body("date_created", matchesPattern(RFC_2822_UTC))
                .body("date_updated", matchesPattern(RFC_2822_UTC))
                .body("uri", equalTo(path));
        String body = response.asString();
        assertEquals(List.of("account_sid", "date_created", "date_updated", "message_sid", "outcome", "uri"),
                JsonKeys.inOrder(body));
    }

    @Test
    void theAnswerIsWhatIsStored() {
        JsonPath answer = post("unconfirmed").then().statusCode(201).extract().jsonPath();
        List<FeedbackRows.Row> rows = FeedbackRows.of(dataSource, account, message);
        assertEquals(1, rows.size());
        FeedbackRows.Row row = rows.get(0);
        assertEquals("unconfirmed", row.outcome());
        assertEquals(row.dateCreated().toInstant().getEpochSecond(), parse(answer.getString("date_created")));
        assertEquals(row.dateUpdated().toInstant().getEpochSecond(), parse(answer.getString("date_updated")));
    }

    @Test
    void nothingStoredAndConfirmedCreatesConfirmed() {
        JsonPath answer = post("confirmed").then().statusCode(201).extract().jsonPath();
        assertEquals("confirmed", answer.getString("outcome"));
        assertEquals(answer.getString("date_created"), answer.getString("date_updated"));
    }

    @Test
    void nothingStoredAndUnconfirmedCreatesUnconfirmed() {
        JsonPath answer = post("unconfirmed").then().statusCode(201).extract().jsonPath();
        assertEquals("unconfirmed", answer.getString("outcome"));
        assertEquals(answer.getString("date_created"), answer.getString("date_updated"));
    }

    @Test
    void nothingStoredAndNoOutcomeCreatesUnconfirmed() {
        JsonPath answer = post(null).then().statusCode(201).extract().jsonPath();
        assertEquals("unconfirmed", answer.getString("outcome"));
        assertEquals(answer.getString("date_created"), answer.getString("date_updated"));
        assertEquals("unconfirmed", FeedbackRows.of(dataSource, account, message).get(0).outcome());
    }

    @Test
    void unconfirmedThenConfirmedConfirmsAndUpdatesTheDate() throws InterruptedException {
        post("unconfirmed").then().statusCode(201);
        FeedbackRows.Row before = FeedbackRows.of(dataSource, account, message).get(0);
        Thread.sleep(1100); // dates on the wire have second precision
        JsonPath answer = post("confirmed").then().statusCode(201).extract().jsonPath();
        FeedbackRows.Row after = FeedbackRows.of(dataSource, account, message).get(0);
        assertEquals("confirmed", answer.getString("outcome"));
        assertEquals("confirmed", after.outcome());
        assertEquals(before.dateCreated(), after.dateCreated());
        assertNotEquals(before.dateUpdated(), after.dateUpdated());
        assertEquals(after.dateUpdated().toInstant().getEpochSecond(), parse(answer.getString("date_updated")));
        assertNotEquals(answer.getString("date_created"), answer.getString("date_updated"));
    }

    @Test
    void unconfirmedThenUnconfirmedOrNothingChangesNothing() {
        post("unconfirmed").then().statusCode(201);
        FeedbackRows.Row stored = FeedbackRows.of(dataSource, account, message).get(0);
        for (String repeat : new String[] {"unconfirmed", null}) {
            JsonPath answer = post(repeat).then().statusCode(201).extract().jsonPath();
            assertEquals("unconfirmed", answer.getString("outcome"));
            assertEquals(List.of(stored), FeedbackRows.of(dataSource, account, message));
        }
    }

    @Test
    void aConfirmationIsNeverWithdrawn() {
        post("confirmed").then().statusCode(201);
        FeedbackRows.Row stored = FeedbackRows.of(dataSource, account, message).get(0);
        for (String repeat : new String[] {"unconfirmed", null, "confirmed"}) {
            JsonPath answer = post(repeat).then().statusCode(201).extract().jsonPath();
            assertEquals("confirmed", answer.getString("outcome"));
            assertEquals(List.of(stored), FeedbackRows.of(dataSource, account, message));
        }
    }

    @Test
    void multipartBodiesWorkToo() {
        Api.as(caller).multiPart("Outcome", "confirmed").post(path)
                .then().statusCode(201).body("outcome", equalTo("confirmed"));
    }

    @Test
    void anyCharsetParameterIsAccepted() {
        Api.as(caller).contentType(FORM + "; charset=ISO-8859-1").body("Outcome=confirmed&Other=%E9").post(path)
                .then().statusCode(201).body("outcome", equalTo("confirmed"));
    }

    @Test
    void unknownParametersAreIgnoredAndRepeatsThatAgreeAreFine() {
        Api.as(caller).contentType(FORM).body("Foo=bar&outcome=unconfirmed&Outcome=confirmed&Outcome=confirmed")
                .post(path).then().statusCode(201).body("outcome", equalTo("confirmed"));
    }

    @Test
    void mmsSidsAreMessagesToo() {
        String mms = Sids.mms();
        Api.form(caller, "confirmed").post(Sids.feedbackPath(account, mms)).then().statusCode(201)
                .body("message_sid", equalTo(mms));
    }

    @Test
    void sidsAreComparedExactlyAsGiven() {
        String lower = "SM" + "ab".repeat(8) + Sids.hex32().substring(16).toLowerCase(Locale.ROOT);
        String upper = lower.substring(0, 2) + lower.substring(2).toUpperCase(Locale.ROOT);
        Api.form(caller, "confirmed").post(Sids.feedbackPath(account, lower)).then().statusCode(201)
                .body("message_sid", equalTo(lower));
        Api.form(caller, "unconfirmed").post(Sids.feedbackPath(account, upper)).then().statusCode(201)
                .body("message_sid", equalTo(upper)).body("outcome", equalTo("unconfirmed"))
                .body("uri", equalTo(Sids.feedbackPath(account, upper)));
        assertEquals(1, FeedbackRows.of(dataSource, account, lower).size());
        assertEquals(1, FeedbackRows.of(dataSource, account, upper).size());
    }

    @Test
    void oneAccountNeverSeesAnothersRecord() {
        post("confirmed").then().statusCode(201);
        TestAccounts.Credentials other = TestAccounts.account();
        Api.form(other, "unconfirmed").post(Sids.feedbackPath(other.accountSid(), message)).then().statusCode(201)
                .body("account_sid", equalTo(other.accountSid())).body("outcome", equalTo("unconfirmed"));
        Api.form(other, "unconfirmed").post(path).then().statusCode(401);
        assertEquals("confirmed", FeedbackRows.of(dataSource, account, message).get(0).outcome());
    }

    @Test
    void everyAnswerCarriesAFreshRequestId() {
        String first = post("confirmed").header("Twilio-Request-Id");
        String second = post("confirmed").header("Twilio-Request-Id");
        assertNotEquals(first, second);
    }

    static long parse(String rfc2822) {
        return ZonedDateTime.parse(rfc2822, RFC_2822).withZoneSameInstant(ZoneOffset.UTC).toEpochSecond();
    }

    /** A client that asks before sending its body (curl does for large ones) is told to go on at once. */
    @Test
    void aClientExpectingContinueIsAnsweredWithoutWaiting() throws Exception {
        String credentials = caller.username() + ":" + caller.secret();
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(RawHttp.uri(path))
                .expectContinue(true)
                .timeout(java.time.Duration.ofSeconds(5))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder()
                        .encodeToString(credentials.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .header("Content-Type", FORM)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("Outcome=confirmed&Padding=" + "a".repeat(4000)))
                .build();
        long started = System.nanoTime();
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).build()
                .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(201, response.statusCode(), response.body());
        assertEquals("confirmed", JsonPath.from(response.body()).getString("outcome"));
        org.junit.jupiter.api.Assertions.assertTrue(millis < 1000, "answered after " + millis + " ms");
    }
}
