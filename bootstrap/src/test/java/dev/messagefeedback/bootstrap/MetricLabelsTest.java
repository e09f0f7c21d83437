package dev.messagefeedback.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * A flood of invented HTTP methods ({@code MABC123DEF456 / HTTP/1.1}) adds no metric series: every
 * method outside the standard set is one label value, so the series count stays flat.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class MetricLabelsTest {

    static final Set<String> ALLOWED_METHODS =
            Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH", "TRACE", "CONNECT", "OTHER");

    @Inject
    MeterRegistry registry;

    @Test
    void inventedMethodsAddNoSeries() throws IOException {
        sendInventedMethods(20); // the folded series exist from here on
        int before = httpSeries().size();
        sendInventedMethods(2_000);
        Set<String> after = httpSeries();
        assertEquals(before, after.size(), "HTTP series after 2,000 invented methods: " + after);
        for (Meter meter : registry.getMeters()) {
            String method = meter.getId().getTag("method");
            assertTrue(method == null || ALLOWED_METHODS.contains(method), "an unbounded method label: " + meter.getId());
        }
        assertTrue(after.stream().anyMatch(id -> id.contains("method=OTHER")), after.toString());
    }

    private Set<String> httpSeries() {
        Set<String> ids = new TreeSet<>();
        for (Meter meter : registry.getMeters()) {
            if (meter.getId().getName().startsWith("http.server")) {
                ids.add(meter.getId().getName() + meter.getId().getTags());
            }
        }
        return ids;
    }

    /** Unauthenticated requests with new method names, on one keep-alive connection. */
    private static void sendInventedMethods(int count) throws IOException {
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            for (int i = 0; i < count; i++) {
                String method = "M" + Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36)
                        .toUpperCase(java.util.Locale.ROOT);
                out.write((method + " / HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                readAnswer(in);
            }
        }
    }

    /** Skips one answer: its head, then Content-Length bytes of body. */
    private static void readAnswer(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed after " + head);
            }
            head.append((char) b);
        }
        int length = 0;
        for (String line : head.toString().split("\r\n")) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        in.readNBytes(length);
    }
}
