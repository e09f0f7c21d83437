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
    void aServerThatCannotWriteNowIsUnavailabilityNotAFault() {
        // A standby or a demoted primary during a failover: clients must get 503 and retry, never 500.
        assertTrue(SqlFailures.isUnavailable(new SQLException("cannot execute INSERT in a read-only transaction", "25006")));
        assertTrue(SqlFailures.translate("insert", new SQLException("cannot execute UPDATE in a read-only transaction", "25006"))
                instanceof dev.messagefeedback.application.port.out.StoreUnavailableException);
        assertTrue(SqlFailures.isUnavailable(new SQLException("terminating connection due to crash of another server process",
                "57P02")));
        assertTrue(SqlFailures.isUnavailable(new SQLException("the database system is in recovery mode", "57P03")));
        assertTrue(SqlFailures.isUnavailable(new SQLException("terminating connection due to idle-session timeout", "57P05")));
        // Other classes 25 (invalid transaction state) are still ours.
        assertFalse(SqlFailures.isUnavailable(new SQLException("current transaction is aborted", "25P02")));
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
