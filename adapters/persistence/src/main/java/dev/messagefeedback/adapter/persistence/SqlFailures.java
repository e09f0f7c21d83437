package dev.messagefeedback.adapter.persistence;

import dev.messagefeedback.application.port.out.StoreUnavailableException;
import java.sql.SQLException;
import java.sql.SQLTransientException;

/**
 * Turns the driver's and the pool's failures into the ports' own: a database that cannot be reached or
 * does not answer in time is a {@link StoreUnavailableException} (clients retry); anything else is a
 * fault of ours, an {@link IllegalStateException} with the driver's exception as its cause.
 */
final class SqlFailures {

    /** Agroal's message when no connection could be had within the acquisition timeout (it has no SQLState). */
    static final String POOL_ACQUISITION_TIMEOUT = "Sorry, acquisition timeout";

    private SqlFailures() {
    }

    static RuntimeException translate(String what, SQLException failure) {
        return isUnavailable(failure)
                ? new StoreUnavailableException(what + ": the database is unavailable (" + failure.getMessage() + ")", failure)
                : new IllegalStateException(what + " failed", failure);
    }

    static boolean isUnavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") // connection exception
                            || sql.getSQLState().equals("57P01") // admin shutdown
                            || sql.getSQLState().equals("57P03") // cannot connect now
                            || sql.getSQLState().equals("57014") // query cancelled (statement timeout)
                            || sql.getSQLState().equals("55P03"))) { // lock not available (lock timeout)
                return true;
            }
            if (cause instanceof SQLException && cause.getMessage() != null
                    && cause.getMessage().startsWith(POOL_ACQUISITION_TIMEOUT)) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
