package dev.messagefeedback.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * docs/operations.md: HTTP/2 in cleartext, as a service mesh speaks it (by prior knowledge, and by
 * upgrade from HTTP/1.1), behaves as HTTP/1.1 does: a POST is 201 with the same JSON, and an error is
 * Twilio's. Sent with Vert.x's client, which speaks both.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class Http2Test {

    @Inject
    Vertx vertx;

    record Answer(int status, HttpVersion version, String body) {
    }

    Answer send(boolean priorKnowledge, HttpMethod method, String path, String authorization, String body)
            throws Exception {
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                .setProtocolVersion(HttpVersion.HTTP_2)
                .setHttp2ClearTextUpgrade(!priorKnowledge)
                .setDefaultHost("localhost")
                .setDefaultPort(port));
        try {
            RequestOptions options = new RequestOptions().setMethod(method).setURI(path)
                    .putHeader("Authorization", authorization)
                    .putHeader("Content-Type", Api.FORM);
            return client.request(options)
                    .compose(request -> request.send(Buffer.buffer(body))
                            .compose(response -> response.body()
                                    .map(answer -> new Answer(response.statusCode(), response.version(), answer.toString()))))
                    .toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
        } finally {
            client.close();
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aPostOverHttp2IsCreatedWithTheSameJson(boolean priorKnowledge) throws Exception {
        TestAccounts.Credentials caller = TestAccounts.account();
        String message = Sids.sms();
        String path = Sids.feedbackPath(caller.accountSid(), message);
        Answer created = send(priorKnowledge, HttpMethod.POST, path, Api.basic(caller), "Outcome=unconfirmed");
        assertEquals(201, created.status(), created.body());
        assertEquals(HttpVersion.HTTP_2, created.version(), "answered over HTTP/2");
        JsonObject json = new JsonObject(created.body());
        assertEquals(caller.accountSid(), json.getString("account_sid"));
        assertEquals(message, json.getString("message_sid"));
        assertEquals("unconfirmed", json.getString("outcome"));
        assertEquals(path, json.getString("uri"));

        Answer confirmed = send(priorKnowledge, HttpMethod.POST, path, Api.basic(caller), "Outcome=confirmed");
        assertEquals(201, confirmed.status(), confirmed.body());
        assertEquals("confirmed", new JsonObject(confirmed.body()).getString("outcome"));
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void errorsOverHttp2AreTwiliosJson(boolean priorKnowledge) throws Exception {
        TestAccounts.Credentials caller = TestAccounts.account();
        String path = Sids.feedbackPath(caller.accountSid(), Sids.sms());
        Answer unauthenticated = send(priorKnowledge, HttpMethod.POST, path, "Basic bm9ib2R5Om5vdGhpbmc=", "Outcome=confirmed");
        assertEquals(401, unauthenticated.status());
        assertEquals(20003, new JsonObject(unauthenticated.body()).getInteger("code"));
        Answer invalid = send(priorKnowledge, HttpMethod.POST, path, Api.basic(caller), "Outcome=maybe");
        assertEquals(400, invalid.status());
        JsonObject error = new JsonObject(invalid.body());
        assertEquals(20001, error.getInteger("code"));
        assertTrue(error.getString("message").contains("Outcome"), error.getString("message"));
    }
}
