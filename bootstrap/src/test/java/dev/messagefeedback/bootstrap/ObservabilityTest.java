package dev.messagefeedback.bootstrap;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** Health for the probes, and metrics that move with traffic but never take a SID as a label. */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class ObservabilityTest {

    static final Pattern URI_LABEL = Pattern.compile("http_server_requests_seconds_count\\{[^}]*uri=\"([^\"]*)\"");

    final TestAccounts.Credentials account = TestAccounts.account();

    static String metrics() {
        return Api.management().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    static double value(String metrics, String series) {
        for (String line : metrics.lines().toList()) {
            if (line.startsWith(series + " ")) {
                // The value, without an exemplar (" # {trace_id=...} ...") that OpenTelemetry may add.
                return Double.parseDouble(line.substring(series.length() + 1).trim().split("\\s+")[0]);
            }
        }
        return 0;
    }

    @Test
    void healthEndpointsNeedNoCredentialsAndReadinessIncludesTheDatabase() {
        Api.management().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        Api.management().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", org.hamcrest.Matchers.hasItem(containsString("Database")));
    }

    @Test
    void feedbackMetricsMoveByOutcomeAndTransition() {
        String created = "feedback_writes_total{outcome=\"unconfirmed\",transition=\"created\"}";
        String confirmed = "feedback_writes_total{outcome=\"confirmed\",transition=\"confirmed\"}";
        String unchanged = "feedback_writes_total{outcome=\"confirmed\",transition=\"unchanged\"}";
        String before = metrics();
        String path = Sids.feedbackPath(account.accountSid(), Sids.sms());
        Api.form(account, "unconfirmed").post(path).then().statusCode(201);
        Api.form(account, "confirmed").post(path).then().statusCode(201);
        Api.form(account, "unconfirmed").post(path).then().statusCode(201);
        String after = metrics();
        assertEquals(value(before, created) + 1, value(after, created));
        assertEquals(value(before, confirmed) + 1, value(after, confirmed));
        assertEquals(value(before, unchanged) + 1, value(after, unchanged));
        assertTrue(after.contains("agroal_active_count"), "database pool gauges are exported");
    }

    @Test
    void routeLabelsStayBoundedWhateverSidsAndPathsArrive() {
        for (int i = 0; i < 40; i++) {
            Api.form(account, "confirmed").post(Sids.feedbackPath(account.accountSid(), Sids.sms()));
            Api.anonymous().post(Sids.feedbackPath(Sids.account(), Sids.sms()));          // 401
            Api.as(account).post("/random/" + Sids.hex32());                                // 404
            Api.as(account).put(Sids.feedbackPath(account.accountSid(), Sids.mms()));       // 405
            Api.as(account).post("/2010-04-01/Accounts/ACx" + i + "/Messages/SMy/Feedback.json"); // 404
        }
        Set<String> uris = new TreeSet<>();
        Matcher matcher = URI_LABEL.matcher(metrics());
        while (matcher.find()) {
            uris.add(matcher.group(1));
        }
        assertTrue(uris.contains("/2010-04-01/Accounts/{AccountSid}/Messages/{MessageSid}/Feedback.json"), uris.toString());
        // One label per match pattern (each API route, /{other}), Quarkus REST's template for a method the
        // route does not answer, and root: whatever SIDs and paths arrived. (A new route adds a pattern.)
        int patterns = ConfigProvider.getConfig().getValues(MetricRoutePatternsTest.MATCH_PATTERNS, String.class).size();
        assertTrue(uris.size() <= patterns + 2, "a bounded set of route labels: " + uris);
        uris.forEach(uri -> assertTrue(!uri.matches(".*(AC|SM|MM)[0-9a-f]{32}.*"), "a SID became a label: " + uri));
    }
}
