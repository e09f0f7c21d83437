package dev.messagefeedback.adapter.rest;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.sql.SQLTransientException;

/**
 * Tells a database that cannot be reached (or does not answer in time) from other failures, so that it
 * is answered 503 and retried by clients rather than 500 (SPEC §3).
 */
@ApplicationScoped
class DatabaseFailures {

    static final int RETRY_AFTER_SECONDS = 5;

    /** Agroal's message when no connection could be had within the acquisition timeout. */
    static final String POOL_ACQUISITION_TIMEOUT = "Sorry, acquisition timeout";

    boolean isUnavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") // connection exception
                            || sql.getSQLState().equals("57P01") // admin shutdown
                            || sql.getSQLState().equals("57P03") // cannot connect now
                            || sql.getSQLState().equals("57014"))) { // query cancelled (statement timeout)
                return true;
            }
            if (cause instanceof SQLException && cause.getMessage() != null
                    && cause.getMessage().startsWith(POOL_ACQUISITION_TIMEOUT)) {
                return true; // the pool found no connection in time: it has no SQLState to tell
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
