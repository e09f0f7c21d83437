package dev.messagefeedback.bootstrap;

import static dev.messagefeedback.bootstrap.TwilioErrorAssertions.assertTwilioError;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** docs/errors.md, 429: a per-account limit, counted per account so one tenant cannot starve another. */
@QuarkusTest
@TestProfile(RateLimitTest.FiveRequestsThenOnePerSecond.class)
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class RateLimitTest {

    public static class FiveRequestsThenOnePerSecond implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("feedback.rate-limit.requests-per-second", "1", "feedback.rate-limit.burst", "5");
        }
    }

    @Test
    void anAccountOverItsLimitGets429WhileAnotherIsUnaffected() throws InterruptedException {
        TestAccounts.Credentials busy = TestAccounts.account();
        TestAccounts.Credentials quiet = TestAccounts.account();
        String busyPath = Sids.feedbackPath(busy.accountSid(), Sids.sms());
        for (int i = 0; i < 5; i++) {
            Api.form(busy, "confirmed").post(busyPath).then().statusCode(201);
        }
        Response limited = Api.form(busy, "confirmed").post(busyPath);
        assertTwilioError(limited, 429, 20429).then().body("message", equalTo("Too Many Requests"));
        assertTrue(Integer.parseInt(limited.header("Retry-After")) >= 1);

        for (int i = 0; i < 5; i++) {
            Api.form(quiet, "confirmed").post(Sids.feedbackPath(quiet.accountSid(), Sids.sms())).then().statusCode(201);
        }

        Thread.sleep(1100);
        assertEquals(201, Api.form(busy, "confirmed").post(busyPath).statusCode(), "a token came back after a second");
    }

    @Test
    void validationAndAuthenticationStillComeFirst() {
        TestAccounts.Credentials account = TestAccounts.account();
        String path = Sids.feedbackPath(account.accountSid(), Sids.sms());
        for (int i = 0; i < 10; i++) {
            Api.form(account, "maybe").post(path).then().statusCode(400);
            Api.anonymous().post(path).then().statusCode(401);
        }
        Api.form(account, "confirmed").post(path).then().statusCode(201);
    }
}
