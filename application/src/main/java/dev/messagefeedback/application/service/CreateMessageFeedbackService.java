package dev.messagefeedback.application.service;

import dev.messagefeedback.application.port.in.CreateMessageFeedbackCommand;
import dev.messagefeedback.application.port.in.CreateMessageFeedbackUseCase;
import dev.messagefeedback.application.port.out.FeedbackStore;
import dev.messagefeedback.domain.Feedback;
import dev.messagefeedback.domain.FeedbackKey;
import dev.messagefeedback.domain.RecordedFeedback;
import dev.messagefeedback.domain.Transition;
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

/**
 * Records a request's feedback: load what is stored, apply {@link Feedback}'s rule, save what changed.
 * Concurrent requests are recorded together: the {@link WriteBatcher} it is given groups them and calls
 * {@link #recordBatch} with each batch (one insert statement and one commit for all, and one
 * compare-and-set for the messages the batch confirmed). The answer follows the batch's commit (a 201
 * follows a durable commit), or fails with a {@code StoreUnavailableException} when the batcher cannot
 * write in time.
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
    private final WriteBatcher.WriteQueue<CreateMessageFeedbackCommand, RecordedFeedback> writes;

    @Inject
    CreateMessageFeedbackService(FeedbackStore store, Clock clock, WriteBatcher batcher) {
        this.store = store;
        this.clock = clock;
        this.writes = batcher.queue(this::recordBatch);
    }

    @Override
    public CompletionStage<RecordedFeedback> createMessageFeedback(CreateMessageFeedbackCommand command) {
        return writes.submit(command);
    }

    /**
     * A batch of commands, read as the same commands one after another: load, apply, save. A message
     * whose save lost a race (another replica or writer changed it meanwhile) has its commands redone one
     * by one against what is stored.
     */
    List<RecordedFeedback> recordBatch(List<CreateMessageFeedbackCommand> commands) {
        // Stored times have microsecond precision: truncate so the answer equals what is stored.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<Feedback> created = new ArrayList<>(commands.size());
        for (CreateMessageFeedbackCommand command : commands) {
            created.add(Feedback.create(command.key(), command.outcome(), now));
        }
        // Load: each new message stored, each other one read, in one statement for the whole batch.
        List<Optional<Feedback>> found = store.insertAllIfAbsent(created);
        List<RecordedFeedback> results = apply(commands, created, found, now);
        for (FeedbackKey lost : save(created, found, results)) {
            redo(lost, commands, results, now);
        }
        return results;
    }

    /** The domain's rule, command after command, in memory: what each command makes of its message. */
    private static List<RecordedFeedback> apply(List<CreateMessageFeedbackCommand> commands, List<Feedback> created,
            List<Optional<Feedback>> found, Instant now) {
        List<RecordedFeedback> results = new ArrayList<>(commands.size());
        Map<FeedbackKey, Feedback> latest = new HashMap<>();
        for (int i = 0; i < commands.size(); i++) {
            CreateMessageFeedbackCommand command = commands.get(i);
            RecordedFeedback result;
            if (found.get(i).isEmpty()) {
                result = new RecordedFeedback(created.get(i), Transition.CREATED);
            } else {
                Feedback current = latest.getOrDefault(command.key(), found.get(i).get());
                Feedback next = current.receive(command.outcome(), now);
                result = new RecordedFeedback(next, Transition.between(current, next));
            }
            latest.put(command.key(), result.feedback());
            results.add(result);
        }
        return results;
    }

    /**
     * One compare-and-set for every message the batch changed: from what was stored when the batch
     * began (created or found) to what its last command made of it.
     *
     * @return the messages whose change lost a race
     */
    private List<FeedbackKey> save(List<Feedback> created, List<Optional<Feedback>> found, List<RecordedFeedback> results) {
        Map<FeedbackKey, Feedback> before = new LinkedHashMap<>();
        Map<FeedbackKey, Feedback> after = new HashMap<>();
        for (int i = 0; i < created.size(); i++) {
            FeedbackKey key = created.get(i).key();
            before.putIfAbsent(key, found.get(i).orElse(created.get(i)));
            after.put(key, results.get(i).feedback());
        }
        List<Feedback> expected = new ArrayList<>();
        List<Feedback> replacements = new ArrayList<>();
        before.forEach((key, stored) -> {
            if (!after.get(key).equals(stored)) {
                expected.add(stored);
                replacements.add(after.get(key));
            }
        });
        List<FeedbackKey> lost = new ArrayList<>();
        if (!expected.isEmpty()) {
            List<Boolean> replaced = store.replaceAll(expected, replacements);
            for (int k = 0; k < expected.size(); k++) {
                if (!replaced.get(k)) {
                    lost.add(expected.get(k).key());
                }
            }
        }
        return lost;
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

    /** The rule applied to a stored feedback: usually nothing to write, else a compare-and-set. */
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
}
