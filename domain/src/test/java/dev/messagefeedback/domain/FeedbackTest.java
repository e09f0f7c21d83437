package dev.messagefeedback.domain;

import static dev.messagefeedback.domain.Outcome.CONFIRMED;
import static dev.messagefeedback.domain.Outcome.UNCONFIRMED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** One test per row of the outcome rules table (docs/api.md, "The outcome rules"). */
class FeedbackTest {

    static final FeedbackKey KEY = new FeedbackKey(
            new AccountSid("AC" + "a".repeat(32)), new MessageSid("SM" + "b".repeat(32)));
    static final Instant CREATED_AT = Instant.parse("2015-07-30T20:00:00Z");
    static final Instant LATER = Instant.parse("2015-07-30T21:00:00Z");

    @Nested
    class WhenNothingIsStored {

        @Test
        void confirmedCreatesConfirmedWithBothDatesNow() {
            Feedback created = Feedback.create(KEY, Optional.of(CONFIRMED), CREATED_AT);
            assertEquals(new Feedback(KEY, CONFIRMED, CREATED_AT, CREATED_AT), created);
        }

        @Test
        void unconfirmedCreatesUnconfirmedWithBothDatesNow() {
            Feedback created = Feedback.create(KEY, Optional.of(UNCONFIRMED), CREATED_AT);
            assertEquals(new Feedback(KEY, UNCONFIRMED, CREATED_AT, CREATED_AT), created);
        }

        @Test
        void anOmittedOutcomeCreatesUnconfirmed() {
            Feedback created = Feedback.create(KEY, Optional.empty(), CREATED_AT);
            assertEquals(new Feedback(KEY, UNCONFIRMED, CREATED_AT, CREATED_AT), created);
        }
    }

    @Nested
    class WhenUnconfirmedIsStored {

        final Feedback stored = new Feedback(KEY, UNCONFIRMED, CREATED_AT, CREATED_AT);

        @Test
        void confirmedConfirmsItAndUpdatesTheDate() {
            Feedback after = stored.receive(Optional.of(CONFIRMED), LATER);
            assertEquals(new Feedback(KEY, CONFIRMED, CREATED_AT, LATER), after);
            assertEquals(Transition.CONFIRMED, Transition.between(stored, after));
        }

        @Test
        void aLaggingClockNeverDatesTheUpdateBeforeTheCreation() {
            Feedback after = stored.receive(Optional.of(CONFIRMED), CREATED_AT.minusSeconds(1));
            assertEquals(new Feedback(KEY, CONFIRMED, CREATED_AT, CREATED_AT), after);
        }

        @Test
        void unconfirmedLeavesItUnchanged() {
            Feedback after = stored.receive(Optional.of(UNCONFIRMED), LATER);
            assertSame(stored, after);
            assertEquals(Transition.UNCHANGED, Transition.between(stored, after));
        }

        @Test
        void anOmittedOutcomeLeavesItUnchanged() {
            assertSame(stored, stored.receive(Optional.empty(), LATER));
        }
    }

    @Nested
    class WhenConfirmedIsStored {

        final Feedback stored = new Feedback(KEY, CONFIRMED, CREATED_AT, CREATED_AT);

        @Test
        void aConfirmationIsNeverWithdrawn() {
            assertSame(stored, stored.receive(Optional.of(UNCONFIRMED), LATER));
        }

        @Test
        void confirmingAgainChangesNothing() {
            assertSame(stored, stored.receive(Optional.of(CONFIRMED), LATER));
        }

        @Test
        void anOmittedOutcomeChangesNothing() {
            assertSame(stored, stored.receive(Optional.empty(), LATER));
        }
    }

    @Test
    void refusesAnUpdateBeforeTheCreation() {
        assertThrows(IllegalArgumentException.class, () -> new Feedback(KEY, CONFIRMED, LATER, CREATED_AT));
    }

    @Test
    void refusesMissingParts() {
        assertThrows(NullPointerException.class, () -> new Feedback(null, CONFIRMED, CREATED_AT, CREATED_AT));
        assertThrows(NullPointerException.class, () -> new Feedback(KEY, null, CREATED_AT, CREATED_AT));
        assertThrows(NullPointerException.class, () -> new FeedbackKey(null, KEY.messageSid()));
    }
}
