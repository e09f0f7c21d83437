package dev.messagefeedback.testfixtures;

import dev.messagefeedback.application.port.out.FeedbackCountStore;
import dev.messagefeedback.application.port.out.FeedbackStore;
import dev.messagefeedback.domain.AccountSid;
import dev.messagefeedback.domain.DailyFeedbackCounts;
import dev.messagefeedback.domain.Feedback;
import dev.messagefeedback.domain.FeedbackCounts;
import dev.messagefeedback.domain.FeedbackKey;
import dev.messagefeedback.domain.Outcome;
import dev.messagefeedback.domain.ReportingPeriod;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The feedback store and its per-day counts in memory, as one store: both ports over one state, so the
 * counts change with the rows, under the same lock (the in-memory "same commit"), as PostgreSQL's change
 * with its rows in the same statement. {@code FeedbackStoreContract} and {@code FeedbackCountStoreContract}
 * hold it to the same contracts as the PostgreSQL adapters.
 *
 * <p>Every change goes through {@link #insertIfAbsent} or {@link #replace} (subclasses that simulate a
 * race override those), or {@link #put} for a state another writer left.
 */
public class InMemoryFeedbackStore implements FeedbackStore, FeedbackCountStore {

    private final Map<FeedbackKey, Feedback> records = new HashMap<>();
    /** Per account and UTC day of creation, how many records have each outcome. */
    private final Map<AccountSid, Map<LocalDate, Map<Outcome, Long>>> counts = new HashMap<>();
    private final List<Set<AccountSid>> asked = new ArrayList<>();

    @Override
    public List<Optional<Feedback>> insertAllIfAbsent(List<Feedback> candidates) {
        synchronized (this) {
            List<Optional<Feedback>> results = new ArrayList<>(candidates.size());
            for (Feedback candidate : candidates) {
                results.add(insertIfAbsent(candidate));
            }
            return results;
        }
    }

    @Override
    public synchronized Optional<Feedback> insertIfAbsent(Feedback candidate) {
        Feedback stored = records.get(candidate.key());
        if (stored != null) {
            return Optional.of(stored);
        }
        records.put(candidate.key(), candidate);
        count(candidate, 1);
        return Optional.empty();
    }

    /**
     * As the database does it: compares the outcome and the update date, sets those two, and keeps the
     * stored creation date.
     */
    @Override
    public synchronized boolean replace(Feedback expected, Feedback replacement) {
        requireSameKey(expected, replacement);
        Feedback stored = records.get(expected.key());
        if (stored == null || stored.outcome() != expected.outcome()
                || !stored.dateUpdated().equals(expected.dateUpdated())) {
            return false;
        }
        change(stored, new Feedback(stored.key(), replacement.outcome(), stored.dateCreated(), replacement.dateUpdated()));
        return true;
    }

    @Override
    public List<Boolean> replaceAll(List<Feedback> expected, List<Feedback> replacements) {
        if (expected.size() != replacements.size()) {
            throw new IllegalArgumentException("one replacement per expected feedback");
        }
        for (int i = 0; i < expected.size(); i++) {
            requireSameKey(expected.get(i), replacements.get(i));
        }
        synchronized (this) {
            List<Boolean> results = new ArrayList<>(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                results.add(replace(expected.get(i), replacements.get(i)));
            }
            return results;
        }
    }

    @Override
    public synchronized Optional<Feedback> find(FeedbackKey key) {
        return Optional.ofNullable(records.get(key));
    }

    /** Stores {@code feedback} as another writer (a replica, an earlier request) left it, counts included. */
    public synchronized void put(Feedback feedback) {
        Feedback stored = records.get(feedback.key());
        if (stored == null) {
            records.put(feedback.key(), feedback);
            count(feedback, 1);
        } else {
            change(stored, feedback);
        }
    }

    @Override
    public synchronized List<DailyFeedbackCounts> countPerDay(Set<AccountSid> accounts, ReportingPeriod period) {
        asked.add(Set.copyOf(accounts));
        TreeMap<LocalDate, FeedbackCounts> perDay = new TreeMap<>();
        for (AccountSid account : accounts) {
            counts.getOrDefault(account, Map.of()).forEach((day, perOutcome) -> {
                if (period.contains(day)) {
                    perOutcome.forEach((outcome, records) ->
                            perDay.merge(day, FeedbackCounts.of(outcome, records), FeedbackCounts::plus));
                }
            });
        }
        List<DailyFeedbackCounts> days = new ArrayList<>(perDay.size());
        perDay.forEach((day, sum) -> days.add(new DailyFeedbackCounts(day, sum)));
        return days;
    }

    /** The account sets {@link #countPerDay} was asked for, in order. */
    public synchronized List<Set<AccountSid>> asked() {
        return List.copyOf(asked);
    }

    private void change(Feedback before, Feedback after) {
        count(before, -1);
        records.put(after.key(), after);
        count(after, 1);
    }

    private void count(Feedback feedback, long delta) {
        LocalDate day = LocalDate.ofInstant(feedback.dateCreated(), ZoneOffset.UTC);
        counts.computeIfAbsent(feedback.accountSid(), account -> new HashMap<>())
                .computeIfAbsent(day, d -> new EnumMap<>(Outcome.class))
                .merge(feedback.outcome(), delta, Long::sum);
    }

    private static void requireSameKey(Feedback expected, Feedback replacement) {
        if (!expected.key().equals(replacement.key())) {
            throw new IllegalArgumentException("a replacement keeps the key");
        }
    }
}
