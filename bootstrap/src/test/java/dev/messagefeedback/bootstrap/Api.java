package dev.messagefeedback.bootstrap;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;

/** How the tests call the service, as a Twilio client would. */
final class Api {

    static final String FORM = "application/x-www-form-urlencoded";
    static final String RFC_2822_UTC =
            "(Mon|Tue|Wed|Thu|Fri|Sat|Sun), [0-3][0-9] (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d{4} "
                    + "[0-2][0-9]:[0-5][0-9]:[0-5][0-9] \\+0000";
    static final String REQUEST_ID = "RQ[0-9a-f]{32}";

    private Api() {
    }

    /**
     * The management interface (health, metrics): its own port, a free one in tests. The API port
     * does not serve these (ManagementPortTest).
     */
    static RequestSpecification management() {
        // Where Quarkus's test support publishes the management interface it started.
        java.net.URI uri = java.net.URI.create(
                org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("test.management.url", String.class));
        return given().baseUri(uri.getScheme() + "://" + uri.getHost()).port(uri.getPort());
    }

    /** No credentials at all. */
    static RequestSpecification anonymous() {
        return given().urlEncodingEnabled(true);
    }

    static RequestSpecification as(TestAccounts.Credentials credentials) {
        return anonymous().auth().preemptive().basic(credentials.username(), credentials.secret());
    }

    static RequestSpecification form(TestAccounts.Credentials credentials, String outcome) {
        return as(credentials).contentType(FORM).formParam("Outcome", outcome);
    }

    static String basic(TestAccounts.Credentials credentials) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString(
                (credentials.username() + ":" + credentials.secret()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
