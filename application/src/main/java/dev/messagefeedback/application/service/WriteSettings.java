package dev.messagefeedback.application.service;

import java.time.Duration;
import java.util.Objects;

/**
 * How feedback writes are grouped and bounded ({@link GroupCommit}):
 *
 * @param writers batches in flight at most, under light load (under load, one: see {@link GroupCommit})
 * @param maxBatch commands per batch (one statement, one commit) at most
 * @param queueCapacity commands waiting for a writer at most; beyond it a command fails at once
 * @param deadline how long a command may wait for its commit; past it the command fails (its write
 *     may still commit later, which a retry finds)
 */
public record WriteSettings(int writers, int maxBatch, int queueCapacity, Duration deadline) {

    public WriteSettings {
        Objects.requireNonNull(deadline, "deadline");
        if (writers < 1 || maxBatch < 1 || queueCapacity < 1) {
            throw new IllegalArgumentException("at least one writer, one command per batch and one queued command");
        }
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("the write deadline is positive");
        }
    }
}
