package dev.messagefeedback.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class OutcomeTest {

    @Test
    void readsExactlyTheTwoWireNames() {
        assertEquals(Optional.of(Outcome.CONFIRMED), Outcome.fromWireName("confirmed"));
        assertEquals(Optional.of(Outcome.UNCONFIRMED), Outcome.fromWireName("unconfirmed"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Confirmed", "CONFIRMED", " confirmed", "confirmed ", "yes", "CONFIRMED\u0000"})
    void anythingElseIsNotAnOutcome(String candidate) {
        assertEquals(Optional.empty(), Outcome.fromWireName(candidate));
    }

    @Test
    void nullIsNotAnOutcome() {
        assertEquals(Optional.empty(), Outcome.fromWireName(null));
    }
}
