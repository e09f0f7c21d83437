package dev.messagefeedback.application.service;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@link WriteBatcher} of the service: each queue is a {@link GroupCommit} with the given settings,
 * its writers on threads of their own ({@code feedback-writer-n}): a batch serves many requests, so it
 * must not run in (and log with the request id of) any one of them. One more thread watches the
 * deadlines ({@link WriteDeadlines}). Made by the wiring, which {@link #close closes} it at shutdown.
 */
public final class GroupCommits implements WriteBatcher, AutoCloseable {

    private final WriteSettings settings;
    private final ExecutorService writers;
    private final WriteDeadlines deadlines;

    public GroupCommits(WriteSettings settings) {
        this.settings = settings;
        this.deadlines = new WriteDeadlines(settings.deadline());
        this.writers = new ThreadPoolExecutor(settings.writers(), settings.writers(), 0, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), new WriterThreads());
    }

    @Override
    public <I, O> WriteQueue<I, O> queue(BatchWrite<I, O> write) {
        return new GroupCommit<>(write, writers, settings, deadlines);
    }

    /** At shutdown, after the HTTP server drained: queued batches still run, then the threads end. */
    @Override
    public void close() {
        writers.shutdown();
        try {
            writers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deadlines.close();
    }

    private static final class WriterThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "feedback-writer-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
