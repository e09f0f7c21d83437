package dev.messagefeedback.bootstrap;

import static dev.messagefeedback.bootstrap.TwilioErrorAssertions.assertTwilioError;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The /insights page's files are served on the API port to anyone, with their headers
 * (docs/insights.md); everything else on the port keeps its rules. What the page does in a browser is
 * ui-test/run.sh's.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class InsightsPageTest {

    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
            + "form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

    @ParameterizedTest
    @CsvSource({"/insights/,text/html", "/insights/index.html,text/html", "/insights/app.js,text/javascript",
        "/insights/app.css,text/css", "/insights/icon.svg,image/svg+xml"})
    void theFilesAreServedToAnyoneWithTheirHeaders(String path, String type) {
        pageHeaders(Api.anonymous().get(path).then().statusCode(200).contentType(startsWith(type)));
    }

    @Test
    void insightsWithoutTheSlashRedirectsToThePage() {
        pageHeaders(Api.anonymous().redirects().follow(false).get("/insights").then().statusCode(301)
                .header("Location", equalTo("insights/")));
    }

    @Test
    void onlyGetAndHeadAreOpenAndUnknownFilesAreTwilios404() {
        Api.anonymous().head("/insights/app.js").then().statusCode(200);
        assertTwilioError(Api.anonymous().contentType(Api.FORM).post("/insights/"), 401, 20003);
        assertTwilioError(Api.as(TestAccounts.account()).get("/insights/nothing-here.js"), 404, 20404);
        assertTwilioError(Api.anonymous().get("/insightsx/"), 401, 20003);
    }

    @Test
    void theApiKeepsItsOwnHeaders() {
        TestAccounts.Credentials account = TestAccounts.account();
        Api.as(account).get("/2010-04-01/Accounts/" + account.accountSid()
                + "/Messages/FeedbackSummary.json?StartDate=2026-03-01&EndDate=2026-03-01")
                .then().statusCode(200).header("Content-Security-Policy", nullValue()).header("Cache-Control", nullValue());
    }

    private static void pageHeaders(ValidatableResponse response) {
        response.header("Content-Security-Policy", equalTo(CSP))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("X-Frame-Options", equalTo("DENY"))
                .header("Referrer-Policy", equalTo("no-referrer"))
                .header("Cache-Control", equalTo("no-cache"));
    }
}
