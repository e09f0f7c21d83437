package dev.messagefeedback.application.port.out;

/**
 * A store could not be reached, or did not answer in time (a database that is down, stalled or
 * saturated, a write that missed its deadline). Callers may retry later: every operation of the
 * stores is safe to repeat. Adapters translate their own failures into this one, so that no layer
 * above them needs to know what a SQLState or a connection pool is.
 */
public class StoreUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreUnavailableException(String message) {
        super(message);
    }

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
