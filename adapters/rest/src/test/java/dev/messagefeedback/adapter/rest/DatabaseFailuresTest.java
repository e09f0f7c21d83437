package dev.messagefeedback.adapter.rest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseFailuresTest {

    final DatabaseFailures failures = new DatabaseFailures();

    @Test
    void connectionStatesTimeoutsAndAnEmptyPoolAreUnavailability() {
        assertTrue(failures.isUnavailable(new RuntimeException(new SQLException("refused", "08001"))));
        assertTrue(failures.isUnavailable(new SQLException("I/O error", "08006")));
        assertTrue(failures.isUnavailable(new SQLException("shutting down", "57P01")));
        assertTrue(failures.isUnavailable(new SQLException("canceling statement due to statement timeout", "57014")));
        assertTrue(failures.isUnavailable(new SQLTransientConnectionException("gone")));
        assertTrue(failures.isUnavailable(new IllegalStateException(new SQLException("Sorry, acquisition timeout!"))));
    }

    @Test
    void otherFailuresAreNot() {
        assertFalse(failures.isUnavailable(new SQLException("duplicate key", "23505")));
        assertFalse(failures.isUnavailable(new SQLException("no state")));
        assertFalse(failures.isUnavailable(new IllegalStateException("bug")));
    }
}
