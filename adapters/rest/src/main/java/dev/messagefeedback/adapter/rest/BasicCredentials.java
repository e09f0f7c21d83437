package dev.messagefeedback.adapter.rest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** An {@code Authorization: Basic ...} header, split at its first colon. The secret may hold colons. */
record BasicCredentials(String username, String secret) {

    /** Generous for a 34-character SID and a 32-character secret, and short of any abuse. */
    private static final int MAX_HEADER_LENGTH = 1024;

    static Optional<BasicCredentials> parse(String header) {
        if (header == null || header.length() > MAX_HEADER_LENGTH || header.length() < 6
                || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(header.substring(6).trim());
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        String pair = new String(decoded, StandardCharsets.UTF_8);
        int colon = pair.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        return Optional.of(new BasicCredentials(pair.substring(0, colon), pair.substring(colon + 1)));
    }

    @Override
    public String toString() {
        return "BasicCredentials[username=" + username + ", secret=redacted]";
    }
}
