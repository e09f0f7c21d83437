package dev.messagefeedback.application.service;

import dev.messagefeedback.application.port.out.SecretDigest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 of secrets under a server-side key. Tokens are random and 128 bits strong, so a slow
 * password hash would buy nothing but milliseconds per request; the key means a stolen table alone
 * cannot even confirm a guess.
 */
public final class SecretDigester {

    private static final String ALGORITHM = "HmacSHA256";
    public static final int MIN_KEY_LENGTH = 32;

    private final SecretKeySpec key;
    /**
     * One initialised {@code Mac} per thread (the event loops, in the steady state): {@code doFinal}
     * leaves it ready for the next secret under the same key, so a request no longer pays the provider
     * look-up and the key schedule of a new instance (a measurable share of an authenticated request).
     */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    public SecretDigester(String key) {
        if (key == null || key.length() < MIN_KEY_LENGTH) {
            throw new IllegalArgumentException("the digest key needs at least " + MIN_KEY_LENGTH + " characters");
        }
        this.key = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    public SecretDigest digest(String secret) {
        return new SecretDigest(macs.get().doFinal(secret.getBytes(StandardCharsets.UTF_8)));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
