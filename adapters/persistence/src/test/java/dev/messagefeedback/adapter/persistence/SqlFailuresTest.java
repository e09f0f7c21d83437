package dev.messagefeedback.adapter.persistence;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class SqlFailuresTest {

    @Test
    void connectionStatesTimeoutsAndAnEmptyPoolAreUnavailability() {
        assertTrue(SqlFailures.isUnavailable(new RuntimeException(new SQLException("refused", "08001"))));
        assertTrue(SqlFailures.isUnavailable(new SQLException("I/O error", "08006")));
        assertTrue(SqlFailures.isUnavailable(new SQLException("shutting down", "57P01")));
        assertTrue(SqlFailures.isUnavailable(new SQLException("canceling statement due to statement timeout", "57014")));
        assertTrue(SqlFailures.isUnavailable(new SQLTransientConnectionException("gone")));
        assertTrue(SqlFailures.isUnavailable(new IllegalStateException(new SQLException("Sorry, acquisition timeout!"))));
        assertTrue(SqlFailures.isUnavailable(new SQLException("canceling statement due to lock timeout", "55P03")));
    }

    @Test
    void unavailabilityBecomesThePortsFailureAndTheRestAFault() {
        assertTrue(SqlFailures.translate("insert", new SQLException("refused", "08001"))
                instanceof dev.messagefeedback.application.port.out.StoreUnavailableException);
        assertTrue(SqlFailures.translate("insert", new SQLException("duplicate key", "23505")) instanceof IllegalStateException);
    }

    @Test
    void otherFailuresAreNot() {
        assertFalse(SqlFailures.isUnavailable(new SQLException("duplicate key", "23505")));
        assertFalse(SqlFailures.isUnavailable(new SQLException("no state")));
        assertFalse(SqlFailures.isUnavailable(new IllegalStateException("bug")));
    }
}
