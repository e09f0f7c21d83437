package dev.messagefeedback.bootstrap;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

/**
 * Health and metrics are served on the management port only: the API port keeps the API and the
 * OpenAPI document, and answers any other /q/ path as it answers an unknown API path (Twilio JSON,
 * never a 200), with or without credentials.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class ManagementPortTest {

    static final String[] OPERATIONS = {"/q/health", "/q/health/live", "/q/health/ready", "/q/health/started",
        "/q/metrics", "/q/health/../metrics"};

    final TestAccounts.Credentials account = TestAccounts.account();

    @Test
    void theManagementPortServesHealthAndMetrics() {
        Api.management().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        Api.management().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        Api.management().get("/q/health/started").then().statusCode(200);
        Api.management().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests_seconds"));
    }

    @Test
    void theApiPortServesNoHealthNorMetricsToAnyone() {
        for (String path : OPERATIONS) {
            twilioError(Api.anonymous().get(path).then(), path);
            twilioError(Api.as(account).get(path).then(), path);
        }
    }

    @Test
    void theApiPortStillServesTheOpenApiDocument() {
        Api.anonymous().get("/q/openapi?format=json").then().statusCode(200).body("openapi", notNullValue());
    }

    private static void twilioError(ValidatableResponse response, String path) {
        response.statusCode(not(equalTo(200)))
                .contentType(containsString("application/json"))
                .body("code", notNullValue())
                .body("status", notNullValue())
                .body("message", notNullValue());
    }
}
