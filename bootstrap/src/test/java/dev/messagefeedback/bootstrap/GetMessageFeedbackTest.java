package dev.messagefeedback.bootstrap;

import static dev.messagefeedback.bootstrap.TwilioErrorAssertions.assertTwilioError;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** GET on the feedback path: the feedback read back, exactly as the POST answered it, for its own tenant only. */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class GetMessageFeedbackTest {

    final TestAccounts.Credentials account = TestAccounts.account();
    final String message = Sids.sms();
    final String path = Sids.feedbackPath(account.accountSid(), message);

    @Test
    void getAnswersExactlyWhatThePostAnswered() {
        String created = Api.form(account, "unconfirmed").post(path).then().statusCode(201).extract().asString();
        Api.as(account).get(path).then().statusCode(200).contentType("application/json")
                .header("Twilio-Request-Id", org.hamcrest.Matchers.matchesPattern(Api.REQUEST_ID));
        assertEquals(created, Api.as(account).get(path).asString());

        String confirmed = Api.form(account, "confirmed").post(path).then().statusCode(201).extract().asString();
        assertEquals(confirmed, Api.as(account).get(path).then().statusCode(200).extract().asString());
        assertEquals(java.util.List.of("account_sid", "date_created", "date_updated", "message_sid", "outcome", "uri"),
                JsonKeys.inOrder(confirmed));
    }

    @Test
    void mmsAndUpperCaseSidsAreTheirOwnRecords() {
        String upper = "SM" + Sids.hex32().toUpperCase(java.util.Locale.ROOT);
        String upperPath = Sids.feedbackPath(account.accountSid(), upper);
        String created = Api.form(account, "confirmed").post(upperPath).then().statusCode(201).extract().asString();
        assertEquals(created, Api.as(account).get(upperPath).asString());
        assertTwilioError(Api.as(account).get(Sids.feedbackPath(account.accountSid(), upper.toLowerCase(java.util.Locale.ROOT)
                .replace("sm", "SM"))), 404, 20404);
    }

    @Test
    void withoutFeedbackTheAnswerIs404NamingThePath() {
        assertTwilioError(Api.as(account).get(path), 404, 20404)
                .then().body("message", equalTo("The requested resource " + path + " was not found"));
    }

    @Test
    void headAnswersTheStatusAndHeadersWithoutABody() {
        Response missing = Api.as(account).head(path);
        assertEquals(404, missing.statusCode());
        assertEquals("", missing.asString());
        Api.form(account, "confirmed").post(path).then().statusCode(201);
        Response found = Api.as(account).head(path);
        assertEquals(200, found.statusCode());
        assertEquals("", found.asString());
        found.then().contentType("application/json");
    }

    @Test
    void anotherTenantsFeedbackIs401AsItsPostsAre() {
        Api.form(account, "confirmed").post(path).then().statusCode(201);
        TestAccounts.Credentials stranger = TestAccounts.account();
        TestAccounts.Credentials child = TestAccounts.subaccountOf(account);
        assertTwilioError(Api.as(stranger).get(path), 401, 20003);
        assertTwilioError(Api.as(child).get(path), 401, 20003);
        assertTwilioError(Api.anonymous().get(path), 401, 20003);
        assertTwilioError(Api.as(new TestAccounts.Credentials(account.username(), "0".repeat(32), account.accountSid()))
                .get(path), 401, 20003);
        // The stranger's own path for the same message: its own (absent) record, never this one.
        assertTwilioError(Api.as(stranger).get(Sids.feedbackPath(stranger.accountSid(), message)), 404, 20404);
    }

    @Test
    void aParentReadsItsSubaccountsFeedbackAndAnApiKeyItsAccounts() {
        TestAccounts.Credentials child = TestAccounts.subaccountOf(account);
        String childPath = Sids.feedbackPath(child.accountSid(), message);
        String created = Api.form(child, "unconfirmed").post(childPath).then().statusCode(201).extract().asString();
        assertEquals(created, Api.as(account).get(childPath).then().statusCode(200).extract().asString());
        assertEquals(created, Api.as(TestAccounts.apiKeyOf(child)).get(childPath).then().statusCode(200).extract().asString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"PUT", "DELETE", "PATCH"})
    void otherMethodsAre405AllowingTheReadToo(String method) {
        assertTwilioError(Api.as(account).request(method, path), 405, 20004)
                .then().header("Allow", equalTo("GET, HEAD, POST, OPTIONS"));
    }

    @Test
    void aPreflightListsTheReadAndAMalformedSidIs404() {
        Api.anonymous().header("Origin", "https://example.com").header("Access-Control-Request-Method", "GET")
                .options(path).then().statusCode(200)
                .header("Access-Control-Allow-Methods", equalTo("GET,HEAD,POST,OPTIONS"));
        Api.anonymous().options(path).then().statusCode(204).header("Allow", equalTo("GET, HEAD, POST, OPTIONS"));
        assertTwilioError(Api.as(account).get("/2010-04-01/Accounts/" + account.accountSid() + "/Messages/SMx/Feedback.json"),
                404, 20404);
    }

    /** Both reads are in the service's OpenAPI document, marked as beyond Twilio's API. */
    @Test
    void theOpenApiDocumentDescribesBothReadsAsExtensions() throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(Api.anonymous().accept("application/json")
                .get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        var read = json.at("/paths").get("/2010-04-01/Accounts/{AccountSid}/Messages/{MessageSid}/Feedback.json").get("get");
        var summary = json.at("/paths").get("/2010-04-01/Accounts/{AccountSid}/Messages/FeedbackSummary.json").get("get");
        for (var operation : java.util.List.of(read, summary)) {
            assertEquals(true, operation.get("x-beyond-twilio").asBoolean(), operation.toString());
            org.hamcrest.MatcherAssert.assertThat(operation.get("description").asText(),
                    org.hamcrest.Matchers.containsString("Twilio's API has no such operation"));
            assertEquals("accountSid_authToken", operation.at("/security/0").fieldNames().next());
        }
        assertEquals("GetMessageFeedback", read.get("operationId").asText());
        assertEquals("SummarizeMessageFeedback", summary.get("operationId").asText());
        java.util.Set<String> parameters = new java.util.TreeSet<>();
        summary.get("parameters").forEach(parameter -> parameters.add(parameter.get("name").asText()));
        assertEquals(java.util.Set.of("AccountSid", "EndDate", "IncludeSubaccounts", "StartDate"), parameters);
    }
}
