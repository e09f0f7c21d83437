package dev.messagefeedback.adapter.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BasicCredentialsTest {

    static String basic(String pair) {
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void splitsAtTheFirstColonOnly() {
        assertEquals(Optional.of(new BasicCredentials("ACx", "se:cr:et")), BasicCredentials.parse(basic("ACx:se:cr:et")));
        assertEquals(Optional.of(new BasicCredentials("ACx", "")), BasicCredentials.parse(basic("ACx:")));
        assertTrue(BasicCredentials.parse("basic " + basic("a:b").substring(6)).isPresent(), "the scheme is case-insensitive");
    }

    @Test
    void refusesEverythingElse() {
        for (String header : new String[] {null, "", "Basic", "Bearer x", "Basic !!!", basic("no-colon"),
            "Basic " + "A".repeat(2000)}) {
            assertTrue(BasicCredentials.parse(header).isEmpty(), String.valueOf(header));
        }
    }

    @Test
    void neverPrintsTheSecret() {
        assertFalse(new BasicCredentials("ACx", "s3cr3t").toString().contains("s3cr3t"));
    }
}
