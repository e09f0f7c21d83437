package dev.messagefeedback.application.service;

import dev.messagefeedback.application.port.in.CreateMessageFeedbackCommand;
import dev.messagefeedback.application.port.in.CreateMessageFeedbackUseCase;
import dev.messagefeedback.application.port.out.FeedbackStore;
import dev.messagefeedback.domain.Feedback;
import dev.messagefeedback.domain.RecordedFeedback;
import dev.messagefeedback.domain.Transition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Applies {@link Feedback}'s rules against the store. The steady state is one store call: a new
 * message is inserted, a repeated one is found unchanged. Only a confirmation of an unconfirmed
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
        // Stored times have microsecond precision: truncate so the answer equals what is stored.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Feedback candidate = Feedback.create(command.key(), command.outcome(), now);
        Optional<Feedback> existing = store.insertIfAbsent(candidate);
        if (existing.isEmpty()) {
            return new RecordedFeedback(candidate, Transition.CREATED);
        }
        Feedback current = existing.get();
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
