package dev.messagefeedback.application.service;

import dev.messagefeedback.application.port.out.StoreUnavailableException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Fails every write request that is not answered within the deadline, with
 * {@link StoreUnavailableException}: one thread for all of them, which sleeps until the oldest pending
 * request is due (at most {@link #LONGEST_SLEEP_NANOS}), not a timer per request. Requests share one
 * deadline and are watched in the order they came, so the oldest one is always first in line.
 *
 * <p>Why not {@code CompletableFuture.orTimeout}: on Java 25 every call schedules on the common pool's
 * delay scheduler and every completion cancels there, which woke that thread about 1.7 times per POST at
 * four concurrent clients (BENCHMARKS.md, "Deadlines without a timer per request"). Here a POST costs an
 * append to a lock-free queue, and the thread wakes about ten times a second whatever the load.
 */
final class WriteDeadlines implements AutoCloseable {

    /**
     * Answered requests leave the watch list only when the watcher wakes: a short sleep keeps them from being
     * held (with their results) long enough to outlive a young collection under load.
     */
    private static final long LONGEST_SLEEP_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final Duration deadline;
    private final long deadlineNanos;
    private final long longestSleepNanos;
    private final ConcurrentLinkedQueue<Watched> pending = new ConcurrentLinkedQueue<>();
    private final Thread watcher;
    private volatile boolean running = true;

    WriteDeadlines(Duration deadline) {
        this.deadline = deadline;
        this.deadlineNanos = deadline.toNanos();
        this.longestSleepNanos = Math.min(LONGEST_SLEEP_NANOS, Math.max(1, deadlineNanos / 4));
        this.watcher = new Thread(this::watch, "feedback-write-deadlines");
        watcher.setDaemon(true);
        watcher.start();
    }

    /** {@code result} fails as unavailable unless something completes it within the deadline from now. */
    void watch(CompletableFuture<?> result) {
        pending.offer(new Watched(System.nanoTime() + deadlineNanos, result));
    }

    private void watch() {
        while (running) {
            LockSupport.parkNanos(this, failOverdue(System.nanoTime()));
        }
    }

    /** @return how long to sleep: until the oldest pending request is due, at most the longest sleep */
    private long failOverdue(long now) {
        Watched oldest;
        while ((oldest = pending.peek()) != null) {
            if (!oldest.result.isDone()) {
                long left = oldest.due - now;
                if (left > 0) {
                    return Math.min(left, longestSleepNanos);
                }
                oldest.result.completeExceptionally(new StoreUnavailableException(
                        "the write was not committed within " + deadline.toMillis() + " ms"));
            }
            pending.poll();
        }
        return longestSleepNanos;
    }

    /** Stops watching: requests still pending are answered by their writes (which the shutdown lets finish). */
    @Override
    public void close() {
        running = false;
        LockSupport.unpark(watcher);
        try {
            watcher.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Watched(long due, CompletableFuture<?> result) {
    }
}
