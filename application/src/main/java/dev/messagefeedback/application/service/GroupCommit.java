package dev.messagefeedback.application.service;

import dev.messagefeedback.application.port.out.StoreUnavailableException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Groups concurrent requests into batches and writes each batch in one go (one statement, one commit),
 * without blocking the caller: {@link #submit} queues a request and returns a future of its result.
 *
 * <p>A writer, on the given (blocking) executor, takes up to {@code maxBatch} queued requests, writes
 * them, completes their futures, and goes on while requests are queued. So a lone request is written at
 * once, and under load every write carries the requests that queued while the previous one was in
 * flight: the slower the database, the larger the batches, with no timer and no added delay. How many
 * writers run follows the load: while batches are small (at most {@link #SMALL_BATCH} requests), a
 * request that finds every writer busy starts another, up to {@code writers}, so that it does not wait
 * for a commit that does not carry it (PostgreSQL merges the flushes of concurrent commits itself); once
 * a batch is larger, the load is heavy, the extra writers stop and batches go one at a time, as large
 * as the load makes them (one statement and one flush for many).
 *
 * <p>Bounded, whatever the database does: at most {@code queueCapacity} requests wait (one more fails at
 * once), and a request whose write has not returned within {@code deadline} fails with
 * {@link StoreUnavailableException} ({@link WriteDeadlines}); a writer skips the requests that already
 * failed so, so that a stalled database leaves no backlog behind when it recovers.
 *
 * <p>A future completes normally only after the write that carried its request returned, so whatever
 * the writer guarantees on return (here: committed) holds for every request. A write that fails fails
 * every request it carried, and only those.
 *
 * @param <I> a request
 * @param <O> its result
 */
final class GroupCommit<I, O> implements WriteBatcher.WriteQueue<I, O> {

    private final WriteBatcher.BatchWrite<I, O> writer;
    private final Executor executor;
    private final WriteSettings settings;
    private final WriteDeadlines deadlines;

    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Request<I, O>> queue = new ArrayDeque<>();
    private int writers;
    /** How many requests the batch taken last carried: few means light load, where batches may overlap. */
    private int lastBatchSize;
    /**
     * The largest batch that still means light load. At four concurrent clients batches carry one or two
     * requests; from sixteen on, more: there one batch at a time carries them all in one commit.
     */
    static final int SMALL_BATCH = 2;

    GroupCommit(WriteBatcher.BatchWrite<I, O> writer, Executor executor, WriteSettings settings,
            WriteDeadlines deadlines) {
        this.writer = writer;
        this.executor = executor;
        this.settings = settings;
        this.deadlines = deadlines;
    }

    /** Queues {@code input}; the future completes once a write carried it, or fails (deadline, full queue, write). */
    @Override
    public CompletableFuture<O> submit(I input) {
        Request<I, O> request = new Request<>(input);
        boolean startWriter;
        lock.lock();
        try {
            if (queue.size() >= settings.queueCapacity()) {
                return CompletableFuture.failedFuture(
                        new StoreUnavailableException(queue.size() + " writes are already waiting for the database"));
            }
            queue.addLast(request);
            deadlines.watch(request.result);
            startWriter = writers < writersAllowed();
            if (startWriter) {
                writers++;
            }
        } finally {
            lock.unlock();
        }
        if (startWriter) {
            try {
                executor.execute(this::writeWhileQueued);
            } catch (RejectedExecutionException shuttingDown) {
                failQueued(shuttingDown);
            }
        }
        return request.result;
    }

    private void writeWhileQueued() {
        while (true) {
            List<Request<I, O>> batch = new ArrayList<>();
            lock.lock();
            try {
                if (writers > writersAllowed()) { // the load grew: the other writers carry on with larger batches
                    writers--;
                    return;
                }
                while (batch.size() < settings.maxBatch() && !queue.isEmpty()) {
                    Request<I, O> next = queue.pollFirst();
                    if (!next.result.isDone()) { // past its deadline: already answered, not worth a write
                        batch.add(next);
                    }
                }
                if (batch.isEmpty()) {
                    writers--;
                    return;
                }
                lastBatchSize = batch.size();
            } finally {
                lock.unlock();
            }
            write(batch);
        }
    }

    /** Under light load (small batches) up to {@code writers} batches overlap; under load one at a time. */
    private int writersAllowed() {
        return lastBatchSize <= SMALL_BATCH ? settings.writers() : 1;
    }

    private void write(List<Request<I, O>> batch) {
        List<I> inputs = new ArrayList<>(batch.size());
        for (Request<I, O> request : batch) {
            inputs.add(request.input);
        }
        List<O> outputs;
        try {
            outputs = writer.write(inputs);
            if (outputs.size() != batch.size()) {
                throw new IllegalStateException(
                        "a batch of " + batch.size() + " requests got " + outputs.size() + " results");
            }
        } catch (RuntimeException | Error failure) {
            for (Request<I, O> request : batch) {
                request.result.completeExceptionally(failure);
            }
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).result.complete(outputs.get(i));
        }
    }

    private void failQueued(RuntimeException failure) {
        List<Request<I, O>> failed = new ArrayList<>();
        lock.lock();
        try {
            writers--;
            if (writers == 0) {
                failed.addAll(queue);
                queue.clear();
            }
        } finally {
            lock.unlock();
        }
        for (Request<I, O> request : failed) {
            request.result.completeExceptionally(failure);
        }
    }

    private record Request<I, O>(I input, CompletableFuture<O> result) {
        Request(I input) {
            this(input, new CompletableFuture<>());
        }
    }
}
