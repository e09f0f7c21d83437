package dev.messagefeedback.adapter.rest;

/**
 * How feedback writes are grouped: {@code writers} batches in flight at most (one commits while the
 * next fills), {@code maxBatch} commands per batch at most.
 */
public record GroupCommitSettings(int writers, int maxBatch) {

    public GroupCommitSettings {
        if (writers < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("at least one writer and one command per batch");
        }
    }
}
