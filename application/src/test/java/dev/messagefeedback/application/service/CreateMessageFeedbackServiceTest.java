package dev.messagefeedback.application.service;

import static dev.messagefeedback.domain.Outcome.CONFIRMED;
import static dev.messagefeedback.domain.Outcome.UNCONFIRMED;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.messagefeedback.application.port.in.CreateMessageFeedbackCommand;
import dev.messagefeedback.domain.AccountSid;
import dev.messagefeedback.domain.Feedback;
import dev.messagefeedback.domain.FeedbackKey;
import dev.messagefeedback.domain.MessageSid;
import dev.messagefeedback.domain.Outcome;
import dev.messagefeedback.domain.RecordedFeedback;
import dev.messagefeedback.domain.Transition;
import dev.messagefeedback.testfixtures.InMemoryFeedbackStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CreateMessageFeedbackServiceTest {

    static final FeedbackKey KEY = new FeedbackKey(
            new AccountSid("AC" + "1".repeat(32)), new MessageSid("MM" + "2".repeat(32)));
    static final Instant T0 = Instant.parse("2026-01-02T03:04:05.123456789Z");
    static final WriteSettings SETTINGS = new WriteSettings(1, 128, 1024, java.time.Duration.ofSeconds(10));
    static final Instant T0_STORED = Instant.parse("2026-01-02T03:04:05.123456Z");

    final GroupCommits writers = new GroupCommits(SETTINGS);
    final InMemoryFeedbackStore store = new InMemoryFeedbackStore();
    final CreateMessageFeedbackService service =
            new CreateMessageFeedbackService(store, Clock.fixed(T0, ZoneOffset.UTC), writers);

    @AfterEach
    void stopWriters() {
        writers.close();
    }

    /** What the store holds for {@code key}, or null. */
    static Feedback stored(InMemoryFeedbackStore store, FeedbackKey key) {
        return store.find(key).orElse(null);
    }

    RecordedFeedback post(Optional<Outcome> outcome) {
        return service.createMessageFeedback(new CreateMessageFeedbackCommand(KEY, outcome)).toCompletableFuture().join();
    }

    @Test
    void aFirstRequestCreatesTheFeedbackAtMicrosecondPrecision() {
        RecordedFeedback result = post(Optional.of(CONFIRMED));
        assertEquals(Transition.CREATED, result.transition());
        assertEquals(new Feedback(KEY, CONFIRMED, T0_STORED, T0_STORED), result.feedback());
        assertEquals(result.feedback(), stored(store, KEY));
    }

    @Test
    void aRepeatChangesNothingAndAnswersTheStoredState() {
        Feedback stored = new Feedback(KEY, CONFIRMED, Instant.EPOCH, Instant.EPOCH);
        store.put(stored);
        RecordedFeedback result = post(Optional.of(UNCONFIRMED));
        assertEquals(Transition.UNCHANGED, result.transition());
        assertEquals(stored, result.feedback());
    }

    @Test
    void aConfirmationOfAnUnconfirmedFeedbackIsStored() {
        store.put(new Feedback(KEY, UNCONFIRMED, Instant.EPOCH, Instant.EPOCH));
        RecordedFeedback result = post(Optional.of(CONFIRMED));
        assertEquals(Transition.CONFIRMED, result.transition());
        assertEquals(new Feedback(KEY, CONFIRMED, Instant.EPOCH, T0_STORED), stored(store, KEY));
    }

    @Test
    void aLostRaceIsSettledOnTheStateThatWon() {
        Feedback unconfirmed = new Feedback(KEY, UNCONFIRMED, Instant.EPOCH, Instant.EPOCH);
        Feedback confirmedByOther = new Feedback(KEY, CONFIRMED, Instant.EPOCH, Instant.EPOCH.plusSeconds(1));
        InMemoryFeedbackStore racing = new InMemoryFeedbackStore() {
            @Override
            public Optional<Feedback> insertIfAbsent(Feedback candidate) {
                put(confirmedByOther); // another request confirms right after we looked
                return Optional.of(unconfirmed);
            }
        };
        var racingService = new CreateMessageFeedbackService(racing, Clock.fixed(T0, ZoneOffset.UTC), writers);
        RecordedFeedback result = racingService.createMessageFeedback(
                new CreateMessageFeedbackCommand(KEY, Optional.of(CONFIRMED))).toCompletableFuture().join();
        assertEquals(Transition.UNCHANGED, result.transition());
        assertEquals(confirmedByOther, result.feedback());
    }

    @Test
    void aBatchIsOneStoreCallAndReadsAsTheSameCommandsOneAfterAnother() {
        FeedbackKey other = new FeedbackKey(KEY.accountSid(), new MessageSid("SM" + "b".repeat(32)));
        List<List<Feedback>> storeCalls = new ArrayList<>();
        InMemoryFeedbackStore counting = new InMemoryFeedbackStore() {
            @Override
            public List<Optional<Feedback>> insertAllIfAbsent(List<Feedback> candidates) {
                storeCalls.add(candidates);
                return super.insertAllIfAbsent(candidates);
            }
        };
        counting.put(new Feedback(other, UNCONFIRMED, Instant.EPOCH, Instant.EPOCH));
        var batchService = new CreateMessageFeedbackService(counting, Clock.fixed(T0, ZoneOffset.UTC), writers);

        List<RecordedFeedback> results = batchService.recordBatch(List.of(
                new CreateMessageFeedbackCommand(KEY, Optional.empty()),
                new CreateMessageFeedbackCommand(KEY, Optional.of(CONFIRMED)),
                new CreateMessageFeedbackCommand(other, Optional.of(UNCONFIRMED)),
                new CreateMessageFeedbackCommand(KEY, Optional.of(UNCONFIRMED))));

        assertEquals(1, storeCalls.size(), "one store call for the whole batch");
        assertEquals(List.of(Transition.CREATED, Transition.CONFIRMED, Transition.UNCHANGED, Transition.UNCHANGED),
                results.stream().map(RecordedFeedback::transition).toList());
        Feedback created = new Feedback(KEY, UNCONFIRMED, T0_STORED, T0_STORED);
        Feedback confirmed = new Feedback(KEY, CONFIRMED, T0_STORED, T0_STORED);
        assertEquals(created, results.get(0).feedback());
        assertEquals(confirmed, results.get(1).feedback());
        assertEquals(confirmed, results.get(3).feedback(), "a confirmation earlier in the batch is never withdrawn");
        assertEquals(confirmed, stored(counting, KEY));
    }

    @Test
    void aBatchConfirmsStoredFeedbackWithOneCompareAndSetAndRedoesALostOne() {
        FeedbackKey won = new FeedbackKey(KEY.accountSid(), new MessageSid("SM" + "c".repeat(32)));
        FeedbackKey lost = new FeedbackKey(KEY.accountSid(), new MessageSid("SM" + "d".repeat(32)));
        Feedback wonBefore = new Feedback(won, UNCONFIRMED, Instant.EPOCH, Instant.EPOCH);
        Feedback lostBefore = new Feedback(lost, UNCONFIRMED, Instant.EPOCH, Instant.EPOCH);
        Feedback confirmedElsewhere = new Feedback(lost, CONFIRMED, Instant.EPOCH, Instant.EPOCH.plusSeconds(2));
        List<Integer> replaceAllSizes = new ArrayList<>();
        InMemoryFeedbackStore racing = new InMemoryFeedbackStore() {
            @Override
            public List<Boolean> replaceAll(List<Feedback> expected, List<Feedback> replacements) {
                replaceAllSizes.add(expected.size());
                put(confirmedElsewhere); // another replica confirms one of them first
                return super.replaceAll(expected, replacements);
            }
        };
        racing.put(wonBefore);
        racing.put(lostBefore);
        var batchService = new CreateMessageFeedbackService(racing, Clock.fixed(T0, ZoneOffset.UTC), writers);

        List<RecordedFeedback> results = batchService.recordBatch(List.of(
                new CreateMessageFeedbackCommand(won, Optional.of(CONFIRMED)),
                new CreateMessageFeedbackCommand(lost, Optional.of(CONFIRMED)),
                new CreateMessageFeedbackCommand(won, Optional.of(UNCONFIRMED))));

        assertEquals(List.of(2), replaceAllSizes, "one compare-and-set for both messages");
        Feedback wonAfter = new Feedback(won, CONFIRMED, Instant.EPOCH, T0_STORED);
        assertEquals(new RecordedFeedback(wonAfter, Transition.CONFIRMED), results.get(0));
        assertEquals(new RecordedFeedback(confirmedElsewhere, Transition.UNCHANGED), results.get(1),
                "the lost one is redone against what is stored");
        assertEquals(new RecordedFeedback(wonAfter, Transition.UNCHANGED), results.get(2));
        assertEquals(wonAfter, stored(racing, won));
        assertEquals(confirmedElsewhere, stored(racing, lost));
    }
}
