package dev.messagefeedback.adapter.persistence;

import dev.messagefeedback.application.port.out.StoreUnavailableException;
import java.sql.SQLException;
import java.sql.SQLTransientException;

/**
 * Turns the driver's and the pool's failures into the ports' own: a database that cannot be reached,
 * does not answer in time or cannot write now (a standby, a primary being demoted or stopped in a
 * failover) is a {@link StoreUnavailableException} (clients retry); anything else is a
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
                    && isUnavailableState(sql.getSQLState())) {
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

    /**
     * The SQLSTATEs of a database that cannot take this statement now but will (or another will) soon.
     * A failover or a switchover shows several of them: a demoted primary or a standby refuses writes
     * ({@code 25006}, "cannot execute INSERT in a read-only transaction"), a server being stopped ends
     * its sessions ({@code 57P01} admin shutdown, {@code 57P02} crash shutdown, the others' sessions when
     * one backend dies) and one starting or in recovery refuses new ones ({@code 57P03}).
     */
    private static boolean isUnavailableState(String state) {
        return state.startsWith("08") // connection exception
                || state.equals("25006") // read_only_sql_transaction: a standby, a demoted primary, a read-only server
                || state.equals("57P01") // admin_shutdown
                || state.equals("57P02") // crash_shutdown
                || state.equals("57P03") // cannot_connect_now: starting up, shutting down, in recovery
                || state.equals("57P05") // idle_session_timeout: the server ended the session
                || state.equals("57014") // query_canceled (statement timeout)
                || state.equals("55P03"); // lock_not_available (lock timeout)
    }
}
