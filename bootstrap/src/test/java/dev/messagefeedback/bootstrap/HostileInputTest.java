package dev.messagefeedback.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.junit.jupiter.api.Test;

/**
 * docs/operations.md: thousands of generated requests, hostile in every part, and not one 5xx or unstructured
 * answer; the requests that were refused changed nothing. jqwik's generators build the cases (its own
 * engine cannot host a @QuarkusTest, so they are sampled here); a failure prints the whole case.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class HostileInputTest {

    static final int CASES = 2500;

    record Case(String method, String path, String contentType, byte[] body, String authorization, boolean chunked,
            String messageSid) {
        @Override
        public String toString() {
            return method + " " + (path.length() > 120 ? path.substring(0, 120) + "…" : path) + " type=" + contentType
                    + " body=" + body.length + "B auth=" + (authorization == null ? null
                    : authorization.substring(0, Math.min(20, authorization.length()))) + " chunked=" + chunked;
        }
    }

    @Inject
    DataSource dataSource;

    final TestAccounts.Credentials account = TestAccounts.account();
    final TestAccounts.Credentials other = TestAccounts.account();

    @Test
    void noGeneratedRequestGetsA5xxOrAnUnstructuredAnswer() {
        var generated = cases().sampleStream().limit(CASES).iterator();
        int created = 0;
        Map<Integer, Integer> statuses = new LinkedHashMap<>();
        for (int i = 0; i < CASES; i++) {
            Case request = generated.next();
            RawHttp.Answer answer;
            List<FeedbackRows.Row> before = request.messageSid() == null ? List.of()
                    : FeedbackRows.of(dataSource, account.accountSid(), request.messageSid());
            Map<String, String> headers = new LinkedHashMap<>();
            if (request.contentType() != null) {
                headers.put("Content-Type", request.contentType());
            }
            if (request.authorization() != null) {
                headers.put("Authorization", request.authorization());
            }
            try {
                answer = request.chunked()
                        ? RawHttp.sendChunked(request.method(), request.path(), headers, request.body())
                        : RawHttp.send(request.method(), request.path(), headers, request.body());
            } catch (RuntimeException e) {
                throw new AssertionError("case " + i + " " + request + ": " + e, e);
            }
            statuses.merge(answer.status(), 1, Integer::sum);
            String context = "case " + i + " " + request + " -> " + answer.status() + " " + answer.body();
            if (answer.status() >= 500) {
                fail("a 5xx: " + context);
            }
            assertTrue(answer.header("Twilio-Request-Id") != null, context);
            if (request.method().equals("HEAD") || answer.status() == 204) {
                continue;
            }
            assertTrue(answer.body() != null && answer.body().startsWith("{"), "not Twilio's JSON: " + context);
            JsonPath body = new JsonPath(answer.body());
            if (answer.status() == 201 || answer.status() == 200) { // a POST's record, or one read back by a GET
                created += answer.status() == 201 ? 1 : 0;
                assertEquals(account.accountSid(), body.getString("account_sid"), context);
            } else {
                assertEquals(answer.status(), body.getInt("status"), context);
                assertTrue(body.getInt("code") >= 20000, context);
                if (request.messageSid() != null) {
                    assertEquals(before, FeedbackRows.of(dataSource, account.accountSid(), request.messageSid()),
                            "a refused request changed the database: " + context);
                }
            }
        }
        System.out.printf("hostile input: %d cases, %d created, answers by status %s%n", CASES, created, statuses);
        assertTrue(created > CASES / 20, "enough cases were valid to exercise the success path too: " + statuses);
    }

    Arbitrary<Case> cases() {
        Arbitrary<String> methods = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(12, Arbitraries.just("POST")),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("GET", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE", "FOO")));
        Arbitrary<String> messageSids = Arbitraries.oneOf(
                Arbitraries.strings().withChars("0123456789abcdefABCDEF").ofLength(32).map(hex -> "SM" + hex),
                Arbitraries.strings().withChars("0123456789abcdef").ofLength(32).map(hex -> "MM" + hex));
        Arbitrary<byte[]> binary = Arbitraries.bytes().array(byte[].class).ofMinSize(0).ofMaxSize(3000);
        Arbitrary<String> junk = Arbitraries.strings().ascii().ofMinLength(0).ofMaxLength(60);
        return Combinators.combine(methods, messageSids, Arbitraries.integers().between(0, 9), junk,
                Arbitraries.integers().between(0, 11), binary, Arbitraries.integers().between(0, 8), Arbitraries.of(true, false))
                .as((method, message, pathKind, noise, bodyKind, bytes, authKind, chunked) -> {
                    String path = path(pathKind, message, noise);
                    String[] typeAndBody = body(bodyKind, noise);
                    byte[] body = bodyKind == 9 ? bytes
                            : bodyKind == 10 ? ("Outcome=confirmed&pad=" + "x".repeat(70_000)).getBytes(StandardCharsets.US_ASCII)
                            : typeAndBody[1].getBytes(StandardCharsets.ISO_8859_1);
                    String trackedMessage = path.equals(Sids.feedbackPath(account.accountSid(), message)) ? message : null;
                    return new Case(method, path, typeAndBody[0], body, authorization(authKind, noise), chunked, trackedMessage);
                });
    }

    private String path(int kind, String message, String noise) {
        String encodedNoise = java.net.URLEncoder.encode(noise, StandardCharsets.UTF_8);
        return switch (kind) {
            case 0, 1, 2, 3 -> Sids.feedbackPath(account.accountSid(), message);
            case 4 -> Sids.feedbackPath(other.accountSid(), message);
            case 5 -> Sids.feedbackPath(account.accountSid(), message.substring(0, 20) + encodedNoise);
            case 6 -> "/2010-04-01/Accounts/" + encodedNoise + "/Messages/" + message + "/Feedback.json";
            case 7 -> "/" + encodedNoise;
            case 8 -> Sids.feedbackPath(account.accountSid(), message) + "/" + encodedNoise;
            default -> "/2010-04-01/Accounts/" + account.accountSid() + "/Messages/%00%FF%25zz/../Feedback.json";
        };
    }

    private static String[] body(int kind, String noise) {
        String form = "application/x-www-form-urlencoded";
        return switch (kind) {
            case 0, 1 -> new String[] {form, "Outcome=confirmed"};
            case 2 -> new String[] {form + "; charset=ISO-8859-1", "Outcome=unconfirmed&Extra=%E9"};
            case 3 -> new String[] {form, "Outcome=" + java.net.URLEncoder.encode(noise, StandardCharsets.UTF_8)};
            case 4 -> new String[] {form, "Outcome=confirmed&Outcome=unconfirmed&x=1"};
            case 5 -> new String[] {form, "Outcome=%zz&%%%=" + noise.replace("&", "")};
            case 6 -> new String[] {"multipart/form-data; boundary=b0undary",
                "--b0undary\r\nContent-Disposition: form-data; name=\"Outcome\"\r\n\r\nconfirmed\r\n--b0undary--\r\n"};
            case 7 -> new String[] {"multipart/form-data; boundary=b0undary", "--b0undary\r\n" + noise};
            case 8 -> new String[] {noise.isBlank() ? "text/plain" : noise.replaceAll("[^ -~]", ""), "Outcome=confirmed"};
            case 9 -> new String[] {form + "; charset=" + noise.replaceAll("[^A-Za-z0-9-]", ""), ""};
            case 10 -> new String[] {form, ""};
            default -> new String[] {null, ""};
        };
    }

    private String authorization(int kind, String noise) {
        return switch (kind) {
            case 0, 1, 2, 3 -> Api.basic(account);
            case 4 -> null;
            case 5 -> "Basic " + "A".repeat(15_000); // under the codec's 16 KiB header limit (HttpCapsTest)
            case 6 -> "Bearer " + noise.replaceAll("[^ -~]", "");
            case 7 -> "Basic " + noise.replaceAll("[^A-Za-z0-9+/=!]", "");
            default -> "Basic " + Base64.getEncoder().encodeToString(
                    (account.username() + ":" + account.secret() + ":" + noise).getBytes(StandardCharsets.UTF_8));
        };
    }

}
