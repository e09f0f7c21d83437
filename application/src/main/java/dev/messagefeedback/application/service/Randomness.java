package dev.messagefeedback.application.service;

import java.security.SecureRandom;
import java.util.HexFormat;

/** SIDs and secrets: 128 random bits each, from the platform's cryptographic generator. */
final class Randomness {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Randomness() {
    }

    /** 32 lowercase hexadecimal digits: 128 bits. */
    static String hex128() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
