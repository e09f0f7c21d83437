package dev.messagefeedback.application.service;

import dev.messagefeedback.application.port.in.CreateMessageFeedbackCommand;
import dev.messagefeedback.application.port.in.CreateMessageFeedbackUseCase;
import dev.messagefeedback.application.port.out.FeedbackStore;
import dev.messagefeedback.domain.Feedback;
import dev.messagefeedback.domain.FeedbackKey;
import dev.messagefeedback.domain.RecordedFeedback;
import dev.messagefeedback.domain.Transition;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Applies {@link Feedback}'s rules against the store, for many concurrent callers at once: each command
 * joins the {@link GroupCommit} queue and its caller gets a stage at once; a writer thread takes every
 * command queued meanwhile and records them as one batch ({@link #recordBatch}): one insert statement
 * and one commit for all, and one compare-and-set for the messages the batch confirmed. The stage
 * completes after that commit (a 201 follows a durable commit), or fails with a
 * {@code StoreUnavailableException} past the write deadline or when the queue is full.
 *
 * <p>Deliberately not {@code @Transactional}: every store call is atomic and durable by itself, and
 * every state this returns was committed by the call that read or wrote it, so a surrounding
 * transaction would add nothing but a BEGIN/COMMIT round trip to each batch (one round trip per batch
 * in the steady state is the aim; see docs/performance.md).
 */
@ApplicationScoped
public class CreateMessageFeedbackService implements CreateMessageFeedbackUseCase {

    /** One transition exists (unconfirmed to confirmed), so a second look always settles. */
    private static final int MAX_ATTEMPTS = 3;

    private final FeedbackStore store;
    private final Clock clock;
    private final ExecutorService writers;
    private final GroupCommit<CreateMessageFeedbackCommand, RecordedFeedback> groupCommit;

    @Inject
    public CreateMessageFeedbackService(FeedbackStore store, Clock clock, WriteSettings settings) {
        this.store = store;
        this.clock = clock;
        // Writers have threads of their own: a batch serves many requests, so it must not run in (and log
        // with the request id of) any one of them.
        this.writers = new ThreadPoolExecutor(settings.writers(), settings.writers(), 0, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), new WriterThreads());
        this.groupCommit = new GroupCommit<>(this::recordBatch, writers, settings);
    }

    @Override
    public CompletionStage<RecordedFeedback> createMessageFeedback(CreateMessageFeedbackCommand command) {
        return groupCommit.submit(command);
    }

    /** At shutdown, after the HTTP server drained: queued batches still run, then the threads end. */
    @PreDestroy
    void stop() throws InterruptedException {
        writers.shutdown();
        writers.awaitTermination(10, TimeUnit.SECONDS);
    }

    /**
     * One insert for the whole batch, then the rules applied in memory, command after command (a batch
     * reads as its commands in order), and one compare-and-set for every message the batch changed. A
     * message whose compare-and-set lost a race (another replica or writer changed it meanwhile) has its
     * commands redone one by one against what is stored.
     */
    List<RecordedFeedback> recordBatch(List<CreateMessageFeedbackCommand> commands) {
        // Stored times have microsecond precision: truncate so the answer equals what is stored.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<Feedback> candidates = new ArrayList<>(commands.size());
        for (CreateMessageFeedbackCommand command : commands) {
            candidates.add(Feedback.create(command.key(), command.outcome(), now));
        }
        List<Optional<Feedback>> existing = store.insertAllIfAbsent(candidates);
        List<RecordedFeedback> results = new ArrayList<>(commands.size());
        // Per message: what the store holds (committed), and what the commands so far made of it.
        Map<FeedbackKey, Feedback> stored = new LinkedHashMap<>();
        Map<FeedbackKey, Feedback> latest = new HashMap<>();
        for (int i = 0; i < commands.size(); i++) {
            CreateMessageFeedbackCommand command = commands.get(i);
            RecordedFeedback result;
            if (existing.get(i).isEmpty()) {
                result = new RecordedFeedback(candidates.get(i), Transition.CREATED);
                stored.put(command.key(), candidates.get(i));
            } else {
                stored.putIfAbsent(command.key(), existing.get(i).get());
                Feedback current = latest.getOrDefault(command.key(), existing.get(i).get());
                Feedback next = current.receive(command.outcome(), now);
                result = new RecordedFeedback(next, Transition.between(current, next));
            }
            latest.put(command.key(), result.feedback());
            results.add(result);
        }
        List<Feedback> expected = new ArrayList<>();
        List<Feedback> replacements = new ArrayList<>();
        stored.forEach((key, before) -> {
            Feedback after = latest.get(key);
            if (!after.equals(before)) {
                expected.add(before);
                replacements.add(after);
            }
        });
        if (!expected.isEmpty()) {
            List<Boolean> replaced = store.replaceAll(expected, replacements);
            for (int k = 0; k < expected.size(); k++) {
                if (!replaced.get(k)) {
                    redo(expected.get(k).key(), commands, results, now);
                }
            }
        }
        return results;
    }

    /** The batch's commands for {@code key}, done again one by one against the stored state. */
    private void redo(FeedbackKey key, List<CreateMessageFeedbackCommand> commands, List<RecordedFeedback> results,
            Instant now) {
        Feedback current = store.find(key)
                .orElseThrow(() -> new IllegalStateException("stored feedback disappeared"));
        for (int i = 0; i < commands.size(); i++) {
            if (commands.get(i).key().equals(key) && results.get(i).transition() != Transition.CREATED) {
                // receive answers a stored state (it re-reads on a lost race itself): the next command starts there.
                results.set(i, receive(commands.get(i), current, now));
                current = results.get(i).feedback();
            }
        }
    }

    /** The rules applied to a stored feedback: usually nothing to write, else a compare-and-set. */
    private RecordedFeedback receive(CreateMessageFeedbackCommand command, Feedback stored, Instant now) {
        Feedback current = stored;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Feedback next = current.receive(command.outcome(), now);
            if (next.equals(current) || store.replace(current, next)) {
                return new RecordedFeedback(next, Transition.between(current, next));
            }
            current = store.find(command.key())
                    .orElseThrow(() -> new IllegalStateException("stored feedback disappeared"));
        }
        throw new IllegalStateException("feedback kept changing under " + MAX_ATTEMPTS + " attempts");
    }

    private static final class WriterThreads implements java.util.concurrent.ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "feedback-writer-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
