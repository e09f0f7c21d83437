package dev.messagefeedback.application.service;

import dev.messagefeedback.application.port.out.FeedbackCountStore;
import dev.messagefeedback.domain.AccountSid;
import dev.messagefeedback.domain.DailyFeedbackCounts;
import dev.messagefeedback.domain.Feedback;
import dev.messagefeedback.domain.FeedbackCounts;
import dev.messagefeedback.domain.Outcome;
import dev.messagefeedback.domain.ReportingPeriod;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/** A fake of the count port that counts the feedback a test put there, as the real store's counts must. */
class InMemoryFeedbackCountStore implements FeedbackCountStore {

    final List<Feedback> feedback = new ArrayList<>();
    final List<Set<AccountSid>> asked = new ArrayList<>();

    void put(Feedback stored) {
        feedback.add(stored);
    }

    @Override
    public List<DailyFeedbackCounts> countPerDay(Set<AccountSid> accounts, ReportingPeriod period) {
        asked.add(Set.copyOf(accounts));
        TreeMap<LocalDate, FeedbackCounts> perDay = new TreeMap<>();
        for (Feedback stored : feedback) {
            LocalDate day = LocalDate.ofInstant(stored.dateCreated(), ZoneOffset.UTC);
            if (accounts.contains(stored.accountSid()) && period.contains(day)) {
                FeedbackCounts one = stored.outcome() == Outcome.CONFIRMED ? new FeedbackCounts(1, 0) : new FeedbackCounts(0, 1);
                perDay.merge(day, one, FeedbackCounts::plus);
            }
        }
        return perDay.entrySet().stream().map(e -> new DailyFeedbackCounts(e.getKey(), e.getValue())).toList();
    }
}
