package dev.messagefeedback.bootstrap;

import static dev.messagefeedback.bootstrap.TwilioErrorAssertions.assertTwilioError;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.messagefeedback.application.port.in.RevokeApiKeyCommand;
import dev.messagefeedback.application.port.in.RevokeApiKeyUseCase;
import dev.messagefeedback.domain.AccountStatus;
import dev.messagefeedback.domain.ApiKeySid;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** docs/accounts.md and the 401 of docs/errors.md: HTTP Basic as Twilio does it, decided before anything else. */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class AuthenticationTest {

    @Inject
    DataSource dataSource;

    @Inject
    RevokeApiKeyUseCase revokeApiKey;

    final TestAccounts.Credentials parent = TestAccounts.account();
    final String message = Sids.sms();

    String path(TestAccounts.Credentials account) {
        return Sids.feedbackPath(account.accountSid(), message);
    }

    static Response assert401(Response response) {
        assertTwilioError(response, 401, 20003).then()
                .body("message", equalTo("Authenticate"))
                .header("WWW-Authenticate", equalTo("Basic realm=\"Twilio API\""));
        return response;
    }

    void assertNothingStoredFor(TestAccounts.Credentials account) {
        assertEquals(0, FeedbackRows.of(dataSource, account.accountSid(), message).size());
    }

    @Test
    void noHeaderIs401() {
        assert401(Api.anonymous().contentType(Api.FORM).formParam("Outcome", "confirmed").post(path(parent)));
        assertNothingStoredFor(parent);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Bearer abc",                                  // not Basic
        "Basic",                                       // nothing after the scheme
        "Basic !!!not-base64!!!",                      // broken base64
        "Basic QUNhYWFh",                              // base64 of "ACaaaa": no colon
        "Digest username=\"x\"",
    })
    void malformedHeadersAre401(String header) {
        assert401(Api.anonymous().header("Authorization", header).contentType(Api.FORM).formParam("Outcome", "confirmed")
                .post(path(parent)));
        assertNothingStoredFor(parent);
    }

    @Test
    void anUnknownSidIs401() {
        assert401(Api.form(new TestAccounts.Credentials(Sids.account(), parent.secret(), parent.accountSid()),
                "confirmed").post(path(parent)));
    }

    @Test
    void aWrongTokenIs401() {
        assert401(Api.form(new TestAccounts.Credentials(parent.username(), "0".repeat(32), parent.accountSid()),
                "confirmed").post(path(parent)));
        assertNothingStoredFor(parent);
    }

    @Test
    void aValidApiKeyActsForItsAccount() {
        TestAccounts.Credentials key = TestAccounts.apiKeyOf(parent);
        Api.form(key, "confirmed").post(path(parent)).then().statusCode(201)
                .body("account_sid", equalTo(parent.accountSid()));
    }

    @Test
    void aSecretWithColonsIsTakenWhole() {
        String header = "Basic " + Base64.getEncoder().encodeToString(
                (parent.username() + ":" + parent.secret() + ":extra").getBytes(StandardCharsets.UTF_8));
        assert401(Api.anonymous().header("Authorization", header).post(path(parent)));
    }

    @Test
    void aRevokedKeyIs401() {
        TestAccounts.Credentials key = TestAccounts.apiKeyOf(parent);
        revokeApiKey.revokeApiKey(new RevokeApiKeyCommand(new ApiKeySid(key.username())));
        // Never used before, so not cached: refused at once (the window test covers a cached key).
        assert401(Api.form(key, "confirmed").post(path(parent)));
    }

    @Test
    void aParentActsOnItsSubaccount() {
        TestAccounts.Credentials child = TestAccounts.subaccountOf(parent);
        Api.form(parent, "confirmed").post(path(child)).then().statusCode(201)
                .body("account_sid", equalTo(child.accountSid()))
                .body("uri", equalTo(path(child)));
        assertEquals(1, FeedbackRows.of(dataSource, child.accountSid(), message).size());
        assertNothingStoredFor(parent);
    }

    @Test
    void aParentsApiKeyActsOnItsSubaccount() {
        TestAccounts.Credentials child = TestAccounts.subaccountOf(parent);
        Api.form(TestAccounts.apiKeyOf(parent), "confirmed").post(path(child)).then().statusCode(201)
                .body("account_sid", equalTo(child.accountSid()));
    }

    @Test
    void aSubaccountActsNeitherOnItsParentNorOnASibling() {
        TestAccounts.Credentials child = TestAccounts.subaccountOf(parent);
        TestAccounts.Credentials sibling = TestAccounts.subaccountOf(parent);
        assert401(Api.form(child, "confirmed").post(path(parent)));
        assert401(Api.form(child, "confirmed").post(path(sibling)));
        Api.form(child, "confirmed").post(path(child)).then().statusCode(201);
        assertNothingStoredFor(parent);
        assertNothingStoredFor(sibling);
    }

    @Test
    void anotherAccountsPathIs401() {
        TestAccounts.Credentials stranger = TestAccounts.account();
        assert401(Api.form(stranger, "confirmed").post(path(parent)));
        assert401(Api.form(TestAccounts.apiKeyOf(stranger), "confirmed").post(path(parent)));
        assertNothingStoredFor(parent);
    }

    @Test
    void suspendedAndClosedAccountsAre401() {
        TestAccounts.Credentials suspended = TestAccounts.account();
        TestAccounts.changeStatus(suspended, AccountStatus.SUSPENDED);
        assert401(Api.form(suspended, "confirmed").post(path(suspended)));
        TestAccounts.Credentials closed = TestAccounts.account();
        TestAccounts.changeStatus(closed, AccountStatus.CLOSED);
        assert401(Api.form(closed, "confirmed").post(path(closed)));
        assertNothingStoredFor(suspended);
        assertNothingStoredFor(closed);
    }

    @Test
    void aSuspendedSubaccountIsNotActedOnEvenByItsParent() {
        TestAccounts.Credentials child = TestAccounts.subaccountOf(parent);
        TestAccounts.changeStatus(child, AccountStatus.SUSPENDED);
        assert401(Api.form(parent, "confirmed").post(path(child)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/2010-04-01/Accounts/ACx/Messages/SMy/Feedback.json", "/nope", "/"})
    void unauthenticatedRequestsToMalformedOrUnknownPathsAre401Not404(String unknown) {
        assert401(Api.anonymous().post(unknown));
        assert401(Api.anonymous().get(unknown));
    }

    /**
     * Regression: authentication once decided on the raw path while routing used the normalised one, so
     * "/q/../2010-04-01/..." skipped authentication and "/Accounts/{mine}/../{theirs}/..." acted on another
     * account. Sent with java.net.http, which keeps dot segments as written.
     */
    @ParameterizedTest
    @ValueSource(strings = {"/q/../", "/q/%2e%2e/", "/q/%2E%2E/", "/q/./../", "/2010-04-01/../"})
    void dotSegmentsDoNotSkipAuthentication(String prefix) {
        TestAccounts.Credentials victim = TestAccounts.account();
        String path = prefix + path(victim).substring(1);
        var anonymous = RawHttp.send("POST", path, java.util.Map.of("Content-Type", Api.FORM),
                "Outcome=confirmed".getBytes(StandardCharsets.US_ASCII));
        assertEquals(401, anonymous.status(), anonymous.body());
        assertNothingStoredFor(victim);
    }

    @Test
    void dotSegmentsDoNotReachAnotherAccount() {
        TestAccounts.Credentials victim = TestAccounts.account();
        String path = "/2010-04-01/Accounts/" + parent.accountSid() + "/../" + victim.accountSid() + "/Messages/" + message
                + "/Feedback.json";
        var answer = RawHttp.send("POST", path, java.util.Map.of("Content-Type", Api.FORM, "Authorization", Api.basic(parent)),
                "Outcome=confirmed".getBytes(StandardCharsets.US_ASCII));
        assertEquals(401, answer.status(), answer.body());
        assertNothingStoredFor(victim);
        var ownButDotted = RawHttp.send("POST", "/2010-04-01/Accounts/" + parent.accountSid() + "/./Messages/" + message
                        + "/Feedback.json",
                java.util.Map.of("Content-Type", Api.FORM, "Authorization", Api.basic(parent)),
                "Outcome=confirmed".getBytes(StandardCharsets.US_ASCII));
        assertEquals(404, ownButDotted.status(), "a dotted path names nothing: " + ownButDotted.body());
        assertNothingStoredFor(parent);
    }

    @ParameterizedTest
    @ValueSource(strings = {";x=1", ";", "%3Bx=1"})
    void matrixParametersDoNotReachAnotherAccount(String suffix) {
        TestAccounts.Credentials victim = TestAccounts.account();
        String path = "/2010-04-01/Accounts/" + victim.accountSid() + suffix + "/Messages/" + message + "/Feedback.json";
        var answer = RawHttp.send("POST", path, java.util.Map.of("Content-Type", Api.FORM, "Authorization", Api.basic(parent)),
                "Outcome=confirmed".getBytes(StandardCharsets.US_ASCII));
        assertTrue(answer.status() == 401 || answer.status() == 404, answer.status() + " " + answer.body());
        assertNothingStoredFor(victim);
    }

    @Test
    void unauthenticatedWrongMethodsAndContentTypesAre401() {
        assert401(Api.anonymous().get(path(parent)));
        assert401(Api.anonymous().contentType("text/plain").body("x").post(path(parent)));
    }
}
