package dev.messagefeedback.bootstrap;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A representative part of the end-to-end suite against the packaged artifact, as production runs it
 * (prod profile, JSON logs): the jar here; the native executable wherever {@code ./mvnw verify -Dnative}
 * can build one. It shows what the tests in the same JVM cannot: that the packaged application wires,
 * migrates, serialises and logs the same (reflection, resources and build-time initialisation).
 */
@QuarkusIntegrationTest
@WithTestResource(PackagedArtifactResource.class)
class PackagedServiceIT {

    static TestAccounts.Credentials account;

    /** Once, after Quarkus has started the resources and the artifact (which it does before each test, not all). */
    @BeforeEach
    void anAccountMadeByTheOperatorCommandLine() {
        if (account == null) {
            account = PackagedArtifactResource.createAccount();
        }
    }

    @Test
    void feedbackIsCreatedThenConfirmedNeverWithdrawn() {
        String path = Sids.feedbackPath(account.accountSid(), Sids.sms());
        Api.form(account, "unconfirmed").post(path).then().statusCode(201)
                .header("Twilio-Request-Id", matchesPattern(Api.REQUEST_ID))
                .body("outcome", equalTo("unconfirmed"))
                .body("account_sid", equalTo(account.accountSid()))
                .body("date_created", matchesPattern(Api.RFC_2822_UTC));
        Api.form(account, "confirmed").post(path).then().statusCode(201).body("outcome", equalTo("confirmed"));
        Api.form(account, "unconfirmed").post(path).then().statusCode(201).body("outcome", equalTo("confirmed"));
    }

    @Test
    void errorsAreTwiliosJson() {
        String path = Sids.feedbackPath(account.accountSid(), Sids.sms());
        Api.anonymous().contentType(Api.FORM).formParam("Outcome", "confirmed").post(path).then().statusCode(401)
                .body("code", equalTo(20003)).body("status", equalTo(401));
        Api.form(account, "maybe").post(path).then().statusCode(400).body("status", equalTo(400));
        Api.as(account).contentType(Api.FORM).body("Outcome=" + "x".repeat(70_000)).post(path).then().statusCode(413)
                .body("status", equalTo(413));
        Api.as(account).post("/no/such/path").then().statusCode(404).body("status", equalTo(404));
    }

    @Test
    void theJsonLogLineOfARequestCarriesItsRequestIdAndTraceId() throws IOException, InterruptedException {
        String traceId = Sids.hex32();
        String requestId = Api.form(account, "confirmed")
                .header("traceparent", "00-" + traceId + "-" + Sids.hex32().substring(0, 16) + "-01")
                .post(Sids.feedbackPath(account.accountSid(), Sids.sms()))
                .then().statusCode(201).extract().header("Twilio-Request-Id");
        Path log = Path.of("target", "quarkus.log");
        List<String> lines = List.of();
        for (int attempt = 0; attempt < 100 && lines.isEmpty(); attempt++) {
            Thread.sleep(50);  // the log is written by a background thread
            lines = Files.readAllLines(log).stream().filter(line -> line.contains(requestId)).toList();
        }
        assertTrue(!lines.isEmpty(), "no line of " + log + " names " + requestId);
        for (String line : lines) {
            assertTrue(line.startsWith("{") && line.contains("\"requestId\":\"" + requestId + "\"")
                    && line.contains("\"traceId\":\"" + traceId + "\""), "a JSON line with both ids: " + line);
        }
    }
}
