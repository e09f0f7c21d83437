package dev.messagefeedback.application.service;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * How concurrent writes are grouped, a collaborator of the use cases that write: a use case says how one
 * batch of its requests is recorded (load, apply its rules, save), the batcher decides which requests go
 * together, on which thread, and how long a request may wait. {@link GroupCommits} is the implementation;
 * the wiring creates it (and with it its threads) and stops it at shutdown.
 */
public interface WriteBatcher {

    /** A queue of requests that {@code write} records batch by batch. */
    <I, O> WriteQueue<I, O> queue(BatchWrite<I, O> write);

    /** Records a batch of requests in one go. */
    @FunctionalInterface
    interface BatchWrite<I, O> {
        /** @return one result per request, in the order of {@code requests} */
        List<O> write(List<I> requests);
    }

    /** Where requests wait for the write that carries them. */
    interface WriteQueue<I, O> {
        /**
         * Queues {@code request} and answers at once: the stage completes once a write that carried it
         * returned (so whatever the write guarantees on return holds), or fails, with the write's own
         * failure or a {@code StoreUnavailableException} when the request cannot be written in time.
         */
        CompletionStage<O> submit(I request);
    }
}
