package dev.messagefeedback.bootstrap;

import static dev.messagefeedback.bootstrap.TwilioErrorAssertions.assertTwilioError;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * docs/operations.md: with the database stopped, a POST is a fast 503 and the service reports not ready; when the
 * database returns, the service recovers by itself.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class DatabaseOutageTest {

    @Test
    void aStoppedDatabaseIsAFast503AndTheServiceRecoversByItself() throws Exception {
        assumeFalse(EmbeddedPostgresResource.externalDatabaseConfigured(), "stops only the embedded database");
        TestAccounts.Credentials account = TestAccounts.account();
        String path = Sids.feedbackPath(account.accountSid(), Sids.sms());
        Api.form(account, "unconfirmed").post(path).then().statusCode(201); // credentials now cached

        EmbeddedPostgresResource.stopForOutage();
        try {
            for (int i = 0; i < 3; i++) {
                long started = System.nanoTime();
                Response response = Api.form(account, "confirmed").post(path);
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                assertTwilioError(response, 503, 20503).then()
                        .body("message", equalTo("Service unavailable"))
                        .header("Retry-After", org.hamcrest.Matchers.matchesPattern("\\d+"));
                assertTrue(took.compareTo(Duration.ofSeconds(2)) < 0, "a 503 within 2 s, took " + took);
            }
            Api.management().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
            Api.management().get("/q/health/live").then().statusCode(200);
            // An uncached account needs a lookup: that is a 503 too, not a 401 or a 500.
            TestAccounts.Credentials unknown = new TestAccounts.Credentials(Sids.account(), "x", Sids.account());
            assertTwilioError(Api.form(unknown, "confirmed").post(Sids.feedbackPath(unknown.accountSid(), Sids.sms())), 503, 20503);
        } finally {
            EmbeddedPostgresResource.startAgain();
        }

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        int status;
        do {
            status = Api.form(account, "confirmed").post(path).statusCode();
            if (status != 201) {
                Thread.sleep(200);
            }
        } while (status != 201 && System.nanoTime() < deadline);
        assertEquals(201, status, "recovered without a restart");
        Api.form(account, "confirmed").post(path).then().statusCode(201).body("outcome", equalTo("confirmed"));
        Api.management().get("/q/health/ready").then().statusCode(200);
    }
}
