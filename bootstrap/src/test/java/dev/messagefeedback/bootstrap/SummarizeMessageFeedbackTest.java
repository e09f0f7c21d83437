package dev.messagefeedback.bootstrap;

import static dev.messagefeedback.bootstrap.TwilioErrorAssertions.assertTwilioError;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** GET FeedbackSummary.json over HTTP: exact JSON, UTC days, subaccounts, tenants, every error. */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class SummarizeMessageFeedbackTest {

    @Inject
    DataSource dataSource;

    final TestAccounts.Credentials account = TestAccounts.account();

    static String summaryPath(String accountSid) {
        return "/2010-04-01/Accounts/" + accountSid + "/Messages/FeedbackSummary.json";
    }

    Response summary(TestAccounts.Credentials caller, String accountSid, String query) {
        return Api.as(caller).urlEncodingEnabled(false).get(summaryPath(accountSid) + query);
    }

    @Test
    void theSummaryIsExactlyThisJsonAndDaysAreUtcDays() throws SQLException {
        Instant midnight = Instant.parse("2026-03-02T00:00:00Z");
        insert(account.accountSid(), "confirmed", midnight.minusNanos(1_000));          // last microsecond of 1 March
        insert(account.accountSid(), "unconfirmed", midnight);                         // first of 2 March
        insert(account.accountSid(), "confirmed", midnight.plusSeconds(12 * 3600));
        insert(account.accountSid(), "confirmed", Instant.parse("2026-02-28T23:59:59.999999Z")); // before the window
        insert(account.accountSid(), "confirmed", Instant.parse("2026-03-04T00:00:00Z"));        // after it

        Response response = summary(account, account.accountSid(), "?StartDate=2026-03-01&EndDate=2026-03-03");

        response.then().statusCode(200).contentType("application/json");
        String sid = account.accountSid();
        assertEquals("{\"account_sid\":\"" + sid + "\",\"start_date\":\"2026-03-01\",\"end_date\":\"2026-03-03\","
                + "\"include_subaccounts\":false,\"feedback_count\":3,\"confirmed_count\":2,\"unconfirmed_count\":1,"
                + "\"confirmation_rate\":\"0.6667\",\"days\":["
                + "{\"date\":\"2026-03-01\",\"feedback_count\":1,\"confirmed_count\":1,\"unconfirmed_count\":0,\"confirmation_rate\":\"1.0000\"},"
                + "{\"date\":\"2026-03-02\",\"feedback_count\":2,\"confirmed_count\":1,\"unconfirmed_count\":1,\"confirmation_rate\":\"0.5000\"},"
                + "{\"date\":\"2026-03-03\",\"feedback_count\":0,\"confirmed_count\":0,\"unconfirmed_count\":0,\"confirmation_rate\":null}],"
                + "\"uri\":\"/2010-04-01/Accounts/" + sid + "/Messages/FeedbackSummary.json?StartDate=2026-03-01&EndDate=2026-03-03"
                + "&IncludeSubaccounts=false\"}", response.asString());
    }

    @Test
    void anEmptyWindowHasZeroDaysAndNoRate() {
        JsonPath body = summary(account, account.accountSid(), "?StartDate=2025-12-30&EndDate=2026-01-02")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(0, body.getInt("feedback_count"));
        assertEquals((Object) null, body.get("confirmation_rate"));
        assertEquals(List.of("2025-12-30", "2025-12-31", "2026-01-01", "2026-01-02"), body.getList("days.date"));
        assertEquals(List.of(0, 0, 0, 0), body.getList("days.feedback_count"));
    }

    @Test
    void postsAreCountedOnTheirDayAndAConfirmationMovesBetweenCounts() {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String first = Sids.sms();
        String second = Sids.mms();
        Api.as(account).contentType(Api.FORM).post(Sids.feedbackPath(account.accountSid(), first)).then().statusCode(201);
        Api.form(account, "unconfirmed").post(Sids.feedbackPath(account.accountSid(), second)).then().statusCode(201);
        String window = "?StartDate=" + today + "&EndDate=" + today;
        // A POST just before midnight may land on the next day: the window spans both then.
        if (!LocalDate.now(ZoneOffset.UTC).toString().equals(today)) {
            window = "?StartDate=" + today + "&EndDate=" + LocalDate.now(ZoneOffset.UTC);
        }
        summary(account, account.accountSid(), window).then().statusCode(200)
                .body("feedback_count", equalTo(2)).body("unconfirmed_count", equalTo(2))
                .body("confirmation_rate", equalTo("0.0000"));
        Api.form(account, "confirmed").post(Sids.feedbackPath(account.accountSid(), first)).then().statusCode(201);
        Api.form(account, "confirmed").post(Sids.feedbackPath(account.accountSid(), first)).then().statusCode(201);
        summary(account, account.accountSid(), window).then().statusCode(200)
                .body("feedback_count", equalTo(2)).body("confirmed_count", equalTo(1)).body("unconfirmed_count", equalTo(1))
                .body("confirmation_rate", equalTo("0.5000"));
    }

    @Test
    void subaccountsAreSummedWhenAskedAndASubaccountSeesOnlyItself() throws SQLException {
        TestAccounts.Credentials child = TestAccounts.subaccountOf(account);
        TestAccounts.Credentials otherChild = TestAccounts.subaccountOf(account);
        Instant day = Instant.parse("2026-05-05T10:00:00Z");
        insert(account.accountSid(), "confirmed", day);
        insert(child.accountSid(), "unconfirmed", day);
        insert(child.accountSid(), "unconfirmed", day);
        insert(otherChild.accountSid(), "confirmed", day);
        insert(TestAccounts.account().accountSid(), "confirmed", day); // another tenant
        String window = "?StartDate=2026-05-05&EndDate=2026-05-05";

        summary(account, account.accountSid(), window).then().statusCode(200)
                .body("feedback_count", equalTo(1)).body("include_subaccounts", equalTo(false));
        summary(account, account.accountSid(), window + "&IncludeSubaccounts=true").then().statusCode(200)
                .body("include_subaccounts", equalTo(true))
                .body("feedback_count", equalTo(4)).body("confirmed_count", equalTo(2))
                .body("confirmation_rate", equalTo("0.5000"))
                .body("uri", containsString("&IncludeSubaccounts=true"));
        summary(child, child.accountSid(), window + "&IncludeSubaccounts=true").then().statusCode(200)
                .body("feedback_count", equalTo(2)).body("account_sid", equalTo(child.accountSid()));
        summary(account, child.accountSid(), window + "&IncludeSubaccounts=true").then().statusCode(200)
                .body("feedback_count", equalTo(2));
        summary(TestAccounts.apiKeyOf(account), account.accountSid(), window + "&IncludeSubaccounts=TRUE").then()
                .statusCode(200).body("feedback_count", equalTo(4));
    }

    @Test
    void anotherTenantsSummaryIs401AsItsPostsAre() {
        TestAccounts.Credentials stranger = TestAccounts.account();
        TestAccounts.Credentials child = TestAccounts.subaccountOf(account);
        String window = "?StartDate=2026-05-05&EndDate=2026-05-05";
        assertTwilioError(summary(stranger, account.accountSid(), window), 401, 20003);
        assertTwilioError(summary(child, account.accountSid(), window), 401, 20003);
        assertTwilioError(summary(child, account.accountSid(), window + "&IncludeSubaccounts=true"), 401, 20003);
        assertTwilioError(Api.anonymous().get(summaryPath(account.accountSid()) + window), 401, 20003);
        // Authentication first: a bad query from a stranger learns nothing either.
        assertTwilioError(summary(stranger, account.accountSid(), "?StartDate=nope"), 401, 20003);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''|StartDate",
        "?EndDate=2026-03-01|StartDate",
        "?StartDate=2026-03-01|EndDate",
        "?StartDate=&EndDate=2026-03-01|StartDate",
        "?StartDate=2026-3-1&EndDate=2026-03-01|StartDate",
        "?StartDate=2026-03-01&EndDate=2026-02-30|EndDate",
        "?StartDate=yesterday&EndDate=2026-03-01|StartDate",
        "?StartDate=2026-03-01T00:00:00Z&EndDate=2026-03-01|StartDate",
        "?StartDate=2026-03-02&EndDate=2026-03-01|EndDate",
        "?StartDate=2024-01-01&EndDate=2025-01-01|EndDate",
        "?StartDate=2026-03-01&StartDate=2026-03-02&EndDate=2026-03-05|StartDate",
        "?StartDate=2026-03-01&EndDate=2026-03-01&IncludeSubaccounts=yes|IncludeSubaccounts"})
    void badParametersAre400NamingTheParameter(String query, String parameter) {
        assertTwilioError(summary(account, account.accountSid(), query), 400, 20001)
                .then().body("message", containsString("'" + parameter + "'"));
    }

    @Test
    void aWindowOf366DaysIsAllowed() {
        summary(account, account.accountSid(), "?StartDate=2024-01-01&EndDate=2024-12-31").then().statusCode(200)
                .body("days.size()", equalTo(366));
    }

    @Test
    void otherMethodsAre405HeadHasNoBodyAndAPreflightAnswers() {
        String path = summaryPath(account.accountSid()) + "?StartDate=2026-03-01&EndDate=2026-03-01";
        assertTwilioError(Api.form(account, "confirmed").urlEncodingEnabled(false).post(path), 405, 20004)
                .then().header("Allow", equalTo("GET, HEAD, OPTIONS"));
        assertTwilioError(Api.as(account).urlEncodingEnabled(false).delete(path), 405, 20004);
        Response head = Api.as(account).urlEncodingEnabled(false).head(path);
        assertEquals(200, head.statusCode());
        assertEquals("", head.asString());
        Api.anonymous().header("Origin", "https://example.com").header("Access-Control-Request-Method", "GET")
                .options(summaryPath(account.accountSid())).then().statusCode(200)
                .header("Access-Control-Allow-Methods", equalTo("GET,HEAD,POST,OPTIONS"));
        Api.anonymous().options(summaryPath(account.accountSid())).then().statusCode(204)
                .header("Allow", equalTo("GET, HEAD, OPTIONS"));
        assertTwilioError(Api.as(account).get("/2010-04-01/Accounts/ACnope/Messages/FeedbackSummary.json"), 404, 20404);
    }

    private void insert(String accountSid, String outcome, Instant created) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO message_feedback"
                        + " (account_sid, message_sid, outcome, date_created, date_updated) VALUES (?, ?, ?, ?, ?)")) {
            OffsetDateTime at = OffsetDateTime.ofInstant(created, ZoneOffset.UTC);
            insert.setString(1, accountSid);
            insert.setString(2, Sids.sms());
            insert.setString(3, outcome);
            insert.setObject(4, at);
            insert.setObject(5, at);
            insert.executeUpdate();
        }
    }
}
