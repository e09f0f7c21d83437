package dev.messagefeedback.bootstrap;

import static dev.messagefeedback.bootstrap.Api.FORM;
import static dev.messagefeedback.bootstrap.TwilioErrorAssertions.assertTwilioError;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Every error of docs/errors.md that does not depend on accounts, over HTTP. */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class ErrorResponsesTest {

    @Inject
    DataSource dataSource;

    final TestAccounts.Credentials caller = TestAccounts.account();
    final String account = caller.accountSid();
    final Map<String, String> auth = Map.of("Authorization", Api.basic(caller));
    final String message = Sids.sms();
    final String path = Sids.feedbackPath(account, message);

    @ParameterizedTest
    @ValueSource(strings = {
        "/",
        "/nope",
        "/2010-04-01/Accounts",
        "/2010-04-01/Accounts/{AC}/Messages.json",
        "/2010-04-01/Accounts/{AC}/Messages/SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Feedback",
        "/2010-04-01/Accounts/{AC}/Messages/SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Feedback.xml",
        "/2010-04-01/Accounts/{AC}.json",
        "/2010-04-01/Accounts/{AC}/Messages/SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Feedback.json/extra",
        "/2010-04-01/Accounts/ACx/Messages/SMy/Feedback.json",
        "/2010-04-01/Accounts/ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Messages/SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Feedback.json",
        "/2010-04-01/Accounts/{AC}/Messages/MSaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Feedback.json",
        "/2010-04-01/Accounts/acaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Messages/SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Feedback.json",
        "/2010-04-01/Accounts/{AC}/Messages/SMgaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Feedback.json",
    })
    void unknownPathsAndMalformedSidsAre404EchoingThePath(String template) {
        String unknown = template.replace("{AC}", account);
        Response response = Api.form(caller, "confirmed").post(unknown);
        assertTwilioError(response, 404, 20404)
                .then().body("message", equalTo("The requested resource " + unknown + " was not found"));
    }

    @Test
    void aMalformedSidIs404EvenWithAWrongMethod() {
        assertTwilioError(Api.as(caller).get("/2010-04-01/Accounts/ACx/Messages/SMy/Feedback.json"), 404, 20404);
    }

    @Test
    void optionsOnAnyOtherPathIsAnUnknownPath() {
        assertTwilioError(Api.as(caller).options(path + "/extra"), 404, 20404);
        assertTwilioError(Api.as(caller).options("/nope"), 404, 20404);
    }

    @Test
    void unknownPathsAreJsonEvenForBrowsers() {
        assertTwilioError(Api.as(caller).accept("text/html").get("/does/not/exist"), 404, 20404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"PUT", "DELETE", "PATCH"})
    void otherMethodsAre405WithAllow(String method) {
        Response response = Api.as(caller).request(method, path);
        assertTwilioError(response, 405, 20004)
                .then().body("message", equalTo("Method not allowed")).header("Allow", containsString("POST"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/json", "application/xml", "image/png", "multipart/mixed; boundary=x"})
    void otherContentTypesAre415(String contentType) {
        var answer = RawHttp.send("POST", path, with("Content-Type", contentType), OUTCOME_CONFIRMED);
        assertThat(assertTwilioError(answer, 415, 20001).getString("message"),
                containsString("application/x-www-form-urlencoded or multipart/form-data"));
        assertNothingStored();
    }

    @Test
    void aBodyWithoutContentTypeIs415() {
        assertTwilioError(RawHttp.send("POST", path, auth, OUTCOME_CONFIRMED), 415, 20001);
        assertNothingStored();
    }

    @Test
    void anUnknownCharsetIs415() {
        var answer = RawHttp.send("POST", path, with("Content-Type", FORM + "; charset=no-such-charset"),
                OUTCOME_CONFIRMED);
        assertTwilioError(answer, 415, 20001);
        assertNothingStored();
    }

    @Test
    void aBodyJustOver64KibIs413() {
        String body = "Outcome=confirmed&Padding=" + "a".repeat(64 * 1024);
        Response response = Api.as(caller).contentType(FORM).body(body).post(path);
        assertTwilioError(response, 413, 20001).then().body("message", containsString("65536"));
        assertNothingStored();
    }

    @Test
    void aBodyOfExactly64KibIsAccepted() {
        String prefix = "Outcome=confirmed&Padding=";
        String body = prefix + "a".repeat(64 * 1024 - prefix.length());
        Api.as(caller).contentType(FORM).body(body).post(path).then().statusCode(201);
    }

    @Test
    void aHugeChunkedBodyIs413AndJson() {
        var answer = RawHttp.sendChunked("POST", path, with("Content-Type", FORM), twoMegabytes());
        assertTwilioError(answer, 413, 20001);
        assertNothingStored();
    }

    @Test
    void aHugeDeclaredBodyIs413AndJson() {
        assertTwilioError(RawHttp.send("POST", path, with("Content-Type", FORM), twoMegabytes()), 413, 20001);
        assertNothingStored();
    }

    @Test
    void aHugeMultipartBodyIs413AndJson() {
        var answer = RawHttp.sendChunked("POST", path, with("Content-Type", "multipart/form-data; boundary=XYZ"),
                twoMegabytes());
        assertTwilioError(answer, 413, 20001);
        assertNothingStored();
    }

    private static byte[] twoMegabytes() {
        return ("Outcome=confirmed&" + "a".repeat(2 * 1024 * 1024)).getBytes(StandardCharsets.US_ASCII);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Outcome=", "Outcome", "Outcome=Confirmed", "Outcome=CONFIRMED", "Outcome=yes",
        "Outcome=confirmed%20", "Outcome=confirmed&Outcome=unconfirmed", "Outcome=%zz", "Outcome=confirmed%",
        "Outcome=%C3%28"})
    void aBadOutcomeIs400NamingTheParameterAndTheValues(String body) {
        Response response = Api.as(caller).contentType(FORM).body(body).post(path);
        assertTwilioError(response, 400, 20001);
        String messageText = response.jsonPath().getString("message");
        assertFalse(messageText.isBlank());
        if (!body.contains("%zz") && !body.endsWith("%")) {
            assertEquals(true, messageText.contains("Outcome") && messageText.contains("confirmed, unconfirmed"),
                    messageText);
        }
        assertNothingStored();
    }

    @Test
    void aBadOutcomeInMultipartIs400() {
        assertTwilioError(Api.as(caller).multiPart("Outcome", "maybe").post(path), 400, 20001);
        assertNothingStored();
    }

    @Test
    void brokenMultipartIs400() {
        byte[] unclosed = "--XYZ\r\nContent-Disposition: form-data; name=\"Outcome\"\r\n\r\nconfirmed"
                .getBytes(StandardCharsets.US_ASCII);
        var answer = RawHttp.send("POST", path, with("Content-Type", "multipart/form-data; boundary=XYZ"), unclosed);
        assertTwilioError(answer, 400, 20001);
        assertNothingStored();
    }

    @Test
    void anUnexpectedFailureIs500WithoutDetails() {
        Response response = Api.as(caller).contentType(FORM).post(FailingTestEndpoints.JAX_RS_PATH);
        assertTwilioError(response, 500, 20500).then().body("message", equalTo("Internal Server Error"));
        assertFalse(response.asString().contains(FailingTestEndpoints.SECRET_DETAIL));
    }

    @Test
    void anUnexpectedFailureOutsideJaxRsIs500WithoutDetails() {
        Response response = Api.as(caller).get(FailingTestEndpoints.ROUTE_PATH);
        assertTwilioError(response, 500, 20500).then().body("message", equalTo("Internal Server Error"));
        assertFalse(response.asString().contains(FailingTestEndpoints.SECRET_DETAIL));
    }

    private Map<String, String> with(String header, String value) {
        return Map.of("Authorization", Api.basic(caller), header, value);
    }

    static final byte[] OUTCOME_CONFIRMED = "Outcome=confirmed".getBytes(StandardCharsets.US_ASCII);

    private void assertNothingStored() {
        assertEquals(0, FeedbackRows.of(dataSource, account, message).size());
    }
}
