package dev.messagefeedback.application.port.out;

import java.security.MessageDigest;
import java.util.Arrays;

/** The keyed digest of a secret (auth token or API-key secret): all that is ever stored of it. */
public final class SecretDigest {

    private final byte[] bytes;

    public SecretDigest(byte[] bytes) {
        if (bytes == null || bytes.length < 16) {
            throw new IllegalArgumentException("a digest has at least 16 bytes");
        }
        this.bytes = bytes.clone();
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    /** Constant time: how much of a guess was right never shows in how long the answer takes. */
    public boolean matches(SecretDigest other) {
        return other != null && MessageDigest.isEqual(bytes, other.bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SecretDigest that && matches(that);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** The digest stays out of logs. */
    @Override
    public String toString() {
        return "SecretDigest[redacted]";
    }
}
