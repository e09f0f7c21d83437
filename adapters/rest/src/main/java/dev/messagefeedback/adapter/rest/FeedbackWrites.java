package dev.messagefeedback.adapter.rest;

import dev.messagefeedback.application.port.in.CreateMessageFeedbackCommand;
import dev.messagefeedback.application.port.in.CreateMessageFeedbackUseCase;
import dev.messagefeedback.domain.RecordedFeedback;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The feedback requests of concurrent callers, run by the use case in batches ({@link GroupCommit}):
 * the endpoint hands its command over without blocking its event-loop thread, and a writer thread runs
 * every command that queued meanwhile in one call, hence one statement and one commit. A 201 still
 * follows a durable commit (SPEC §2): a command's future completes after the use case returned.
 *
 * <p>Writers have threads of their own: a batch serves many requests, so it must not run in (and log
 * with the request id of) any one of them.
 */
@ApplicationScoped
class FeedbackWrites {

    private final ExecutorService writers;
    private final GroupCommit<CreateMessageFeedbackCommand, RecordedFeedback> groupCommit;

    FeedbackWrites(CreateMessageFeedbackUseCase useCase, GroupCommitSettings settings) {
        this.writers = new ThreadPoolExecutor(settings.writers(), settings.writers(), 0, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), new WriterThreads());
        this.groupCommit = new GroupCommit<>(useCase::createMessageFeedback, writers, settings.writers(),
                settings.maxBatch());
    }

    CompletableFuture<RecordedFeedback> submit(CreateMessageFeedbackCommand command) {
        return groupCommit.submit(command);
    }

    /** At shutdown, after the HTTP server drained: queued batches still run, then the threads end. */
    @PreDestroy
    void stop() throws InterruptedException {
        writers.shutdown();
        writers.awaitTermination(10, TimeUnit.SECONDS);
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
