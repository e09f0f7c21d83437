package dev.messagefeedback.adapter.persistence;

import java.time.Instant;

/** A row of the insert-if-absent statement: the stored feedback, and whether this statement stored it. */
record InsertIfAbsentRow(
        String accountSid, String messageSid, String outcome, Instant dateCreated, Instant dateUpdated,
        Boolean inserted) {
}
