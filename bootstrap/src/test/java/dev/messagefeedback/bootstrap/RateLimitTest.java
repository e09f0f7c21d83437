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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
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
    void anEndpointThatMakesNoCallIsLimitedAllTheSame() {
        TestAccounts.Credentials account = TestAccounts.account();
        for (int i = 0; i < 5; i++) {
            Api.as(account).get(NewTestEndpoint.PATH).then().statusCode(200);
        }
        assertTwilioError(Api.as(account).get(NewTestEndpoint.PATH), 429, 20429);
    }

    /**
     * One bucket per caller, whichever endpoint it calls: 24 requests in turn over four endpoints spend
     * the burst of 5 and are refused on most of them (a token comes back every second, so the count of
     * refusals depends on this machine's speed; which endpoints refuse does not).
     */
    @Test
    void theLimitIsTheCallersAcrossEveryEndpoint() {
        TestAccounts.Credentials account = TestAccounts.account();
        String path = Sids.feedbackPath(account.accountSid(), Sids.sms());
        Map<String, Supplier<Response>> endpoints = new LinkedHashMap<>(); // the POST first: the GET then finds it
        endpoints.put("POST feedback", () -> Api.form(account, "confirmed").post(path));
        endpoints.put("GET feedback", () -> Api.as(account).get(path));
        endpoints.put("GET summary", () -> Api.as(account).get(Sids.summaryPath(account.accountSid()) + "?StartDate=2026-01-01&EndDate=2026-01-02"));
        endpoints.put("GET new endpoint", () -> Api.as(account).get(NewTestEndpoint.PATH));
        List<String> names = List.copyOf(endpoints.keySet());
        Set<String> refusing = new TreeSet<>();
        for (int i = 0; i < 24; i++) {
            String name = names.get(i % names.size());
            Response answer = endpoints.get(name).get();
            if (answer.statusCode() == 429) {
                assertTwilioError(answer, 429, 20429);
                refusing.add(name);
            } else {
                assertTrue(answer.statusCode() < 300, name + " answered " + answer.statusCode());
            }
        }
        assertTrue(refusing.size() >= 3, "refused on " + refusing);
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
