package dev.messagefeedback.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The HTTP codec holds no more than the service's own 16 KiB of headers: past it the request is refused
 * (431) and the connection closed, so a connection holding unfinished headers costs a bounded amount of
 * heap (docs/reliability.md). Under the limit, large headers still get Twilio's answers.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class HttpCapsTest {

    final TestAccounts.Credentials account = TestAccounts.account();

    @Test
    void headersOverSixteenKibAreRefusedByTheCodecAndTheConnectionClosed() throws IOException {
        String answer = send("X-Padding: " + "a".repeat(17 * 1024) + "\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 431"), answer);
    }

    @Test
    void headersUnderTheLimitStillGetTwilioAnswers() throws IOException {
        String answer = send("X-Padding: " + "a".repeat(12 * 1024) + "\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 201"), answer);
        assertTrue(answer.contains("\"account_sid\":\"" + account.accountSid() + "\""), answer);
    }

    /** One POST with the extra header line; the whole answer, read until the service closes. */
    private String send(String extraHeader) throws IOException {
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        String body = "Outcome=confirmed";
        String request = "POST " + Sids.feedbackPath(account.accountSid(), Sids.sms()) + " HTTP/1.1\r\n"
                + "Host: localhost\r\nAuthorization: " + Api.basic(account) + "\r\n" + extraHeader
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body;
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8); // until the close
            assertEquals(-1, in.read());
            return answer;
        }
    }
}
