package dev.messagefeedback.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.messagefeedback.application.port.out.SecretDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** A reused {@code Mac} gives every secret the digest a fresh one gives, on any thread, in any order. */
class SecretDigesterTest {

    static final String KEY = "a-test-digest-key-of-at-least-32-characters";

    @Test
    void reusedInstancesDigestLikeFreshOnes() throws Exception {
        SecretDigester digester = new SecretDigester(KEY);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> checks = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                String secret = "secret-" + (i % 7);
                checks.add(threads.submit(() -> digester.digest(secret).equals(new SecretDigester(KEY).digest(secret))));
            }
            for (Future<Boolean> check : checks) {
                assertEquals(true, check.get());
            }
        } finally {
            threads.shutdown();
        }
        SecretDigest first = digester.digest("a");
        digester.digest("b");
        assertEquals(first, digester.digest("a"));
    }
}
