package dev.messagefeedback.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SidTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "AC0123456789abcdefABCDEF0123456789",
    })
    void acceptsAccountSids(String sid) {
        assertTrue(AccountSid.isWellFormed(sid));
        assertEquals(sid, new AccountSid(sid).value());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",    // 31 hex digits
        "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",  // 33 hex digits
        "acaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",   // the prefix is case-sensitive
        "SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "ACgaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",   // not hex
        "AC aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\u0663\u0663", // non-ASCII digits
    })
    void refusesMalformedAccountSids(String sid) {
        assertFalse(AccountSid.isWellFormed(sid));
        assertThrows(InvalidSidException.class, () -> new AccountSid(sid));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "MMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "SMAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
    })
    void acceptsSmsAndMmsSids(String sid) {
        assertTrue(MessageSid.isWellFormed(sid));
        assertEquals(sid, new MessageSid(sid).value());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "MSaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "smaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaz",
    })
    void refusesMalformedMessageSids(String sid) {
        assertFalse(MessageSid.isWellFormed(sid));
        assertThrows(InvalidSidException.class, () -> new MessageSid(sid));
    }

    @Test
    void sidsAreComparedExactlyAsGiven() {
        assertNotEquals(new MessageSid("SM" + "ab".repeat(16)), new MessageSid("SM" + "AB".repeat(16)));
    }

    @Test
    void theErrorDoesNotEchoTheValue() {
        var error = assertThrows(InvalidSidException.class, () -> new AccountSid("ACsecret-looking-value"));
        assertFalse(error.getMessage().contains("secret"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "MMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "MSaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "AC0123456789abcdefABCDEF012345678Z",
    })
    void thePublishedPatternsAgreeWithTheTypes(String candidate) {
        assertEquals(AccountSid.isWellFormed(candidate), candidate.matches(AccountSid.PATTERN));
        assertEquals(MessageSid.isWellFormed(candidate), candidate.matches(MessageSid.PATTERN));
    }
}
