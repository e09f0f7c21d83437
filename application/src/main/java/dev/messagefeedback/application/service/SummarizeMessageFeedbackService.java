package dev.messagefeedback.application.service;

import dev.messagefeedback.application.port.in.SummarizeMessageFeedbackQuery;
import dev.messagefeedback.application.port.in.SummarizeMessageFeedbackUseCase;
import dev.messagefeedback.application.port.out.AccountStore;
import dev.messagefeedback.application.port.out.FeedbackCountStore;
import dev.messagefeedback.application.port.out.StoredAccount;
import dev.messagefeedback.domain.Account;
import dev.messagefeedback.domain.AccountSid;
import dev.messagefeedback.domain.DailyFeedbackCounts;
import dev.messagefeedback.domain.FeedbackCounts;
import dev.messagefeedback.domain.FeedbackSummary;
import dev.messagefeedback.domain.ReportingPeriod;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Sums the kept per-day counts of the account, and of the subaccounts it may act on when asked, over
 * the period: a read of at most a few rows per day, whatever the number of feedback records.
 *
 * <p>The subaccounts summed are those the account's own credentials may act on (active ones, see
 * {@link Account#mayActOn}); a subaccount has none, so a subaccount sees only itself, and so does its
 * parent acting on it.
 */
@ApplicationScoped
public class SummarizeMessageFeedbackService implements SummarizeMessageFeedbackUseCase {

    private final FeedbackCountStore counts;
    private final AccountStore accounts;

    @Inject
    public SummarizeMessageFeedbackService(FeedbackCountStore counts, AccountStore accounts) {
        this.counts = counts;
        this.accounts = accounts;
    }

    @Override
    @Transactional
    public FeedbackSummary summarizeMessageFeedback(SummarizeMessageFeedbackQuery query) {
        ReportingPeriod period = query.period();
        Map<LocalDate, FeedbackCounts> perDay = new HashMap<>();
        for (DailyFeedbackCounts day : counts.countPerDay(summed(query), period)) {
            if (period.contains(day.day())) {
                perDay.merge(day.day(), day.counts(), FeedbackCounts::plus);
            }
        }
        List<DailyFeedbackCounts> days = new ArrayList<>(period.length());
        for (LocalDate day : period.days()) {
            days.add(new DailyFeedbackCounts(day, perDay.getOrDefault(day, FeedbackCounts.NONE)));
        }
        return new FeedbackSummary(query.accountSid(), period, query.includeSubaccounts(), days);
    }

    private Set<AccountSid> summed(SummarizeMessageFeedbackQuery query) {
        Set<AccountSid> sids = new LinkedHashSet<>();
        sids.add(query.accountSid());
        if (query.includeSubaccounts()) {
            Optional<Account> account = accounts.find(query.accountSid()).map(StoredAccount::account);
            if (account.isPresent()) {
                for (Account subaccount : accounts.listSubaccounts(query.accountSid())) {
                    if (account.get().mayActOn(subaccount)) {
                        sids.add(subaccount.sid());
                    }
                }
            }
        }
        return sids;
    }
}
