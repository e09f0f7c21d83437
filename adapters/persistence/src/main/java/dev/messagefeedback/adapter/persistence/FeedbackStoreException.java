package dev.messagefeedback.adapter.persistence;

import java.sql.SQLException;

/** A failure of the feedback store's own SQL, with the driver's exception (and its SQLState) as the cause. */
final class FeedbackStoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    FeedbackStoreException(String message, SQLException cause) {
        super(message, cause);
    }
}
