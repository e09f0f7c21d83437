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

/**
 * Applies {@link Feedback}'s rules against the store. The steady state is one store call: a new
 * message is inserted, a repeated one is found unchanged; a batch of commands shares that one call. Only a confirmation of an unconfirmed
 * feedback costs a compare-and-set, retried on the stored state when another request won the race.
 *
 * <p>Deliberately not {@code @Transactional}: every store call is atomic and durable by itself, and
 * every state this returns was committed by the call that read or wrote it, so a surrounding
 * transaction would add nothing but a BEGIN/COMMIT round trip to each POST (SPEC §5 and §7: one round
 * trip in the steady state). A caller that has a transaction open is joined, not bypassed.
 */
@ApplicationScoped
public class CreateMessageFeedbackService implements CreateMessageFeedbackUseCase {

    /** One transition exists (unconfirmed to confirmed), so a second look always settles. */
    private static final int MAX_ATTEMPTS = 3;

    private final FeedbackStore store;
    private final Clock clock;

    @Inject
    public CreateMessageFeedbackService(FeedbackStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public RecordedFeedback createMessageFeedback(CreateMessageFeedbackCommand command) {
        return createMessageFeedback(List.of(command)).get(0);
    }

    /**
     * One insert for the whole batch, then the rules applied in memory, command after command, and one
     * compare-and-set for every message the batch changed. A message whose compare-and-set lost a race
     * (another replica or writer changed it meanwhile) has its commands redone one by one against what
     * is stored.
     */
    @Override
    public List<RecordedFeedback> createMessageFeedback(List<CreateMessageFeedbackCommand> commands) {
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
}
