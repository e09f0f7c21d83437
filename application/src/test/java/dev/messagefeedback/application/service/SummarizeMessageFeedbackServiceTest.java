package dev.messagefeedback.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.messagefeedback.application.port.in.ChangeAccountStatusCommand;
import dev.messagefeedback.application.port.in.CreateAccountCommand;
import dev.messagefeedback.application.port.in.IssuedAccount;
import dev.messagefeedback.application.port.in.SummarizeMessageFeedbackQuery;
import dev.messagefeedback.domain.AccountSid;
import dev.messagefeedback.domain.AccountStatus;
import dev.messagefeedback.domain.DailyFeedbackCounts;
import dev.messagefeedback.domain.Feedback;
import dev.messagefeedback.domain.FeedbackCounts;
import dev.messagefeedback.domain.FeedbackKey;
import dev.messagefeedback.domain.FeedbackSummary;
import dev.messagefeedback.domain.FriendlyName;
import dev.messagefeedback.domain.MessageSid;
import dev.messagefeedback.domain.Outcome;
import dev.messagefeedback.domain.ReportingPeriod;
import dev.messagefeedback.testfixtures.InMemoryAccountStore;
import dev.messagefeedback.testfixtures.InMemoryFeedbackStore;
import dev.messagefeedback.testfixtures.MutableClock;
import java.math.BigDecimal;
import dev.messagefeedback.application.port.in.CreateMessageFeedbackCommand;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SummarizeMessageFeedbackServiceTest {

    final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    final InMemoryAccountStore accounts = new InMemoryAccountStore();
    final InMemoryFeedbackStore counts = new InMemoryFeedbackStore();
    final CreateAccountService accountsCreated = new CreateAccountService(accounts, new SecretDigester("a-test-digest-key-of-at-least-32-characters"), clock);
    final SummarizeMessageFeedbackService service = new SummarizeMessageFeedbackService(counts, accounts);

    final IssuedAccount parent = accountsCreated.createAccount(new CreateAccountCommand(new FriendlyName("parent"), Optional.empty()));
    final IssuedAccount child = accountsCreated.createAccount(
            new CreateAccountCommand(new FriendlyName("child"), Optional.of(parent.account().sid())));
    final IssuedAccount other = accountsCreated.createAccount(new CreateAccountCommand(new FriendlyName("other"), Optional.empty()));
    final AtomicInteger messages = new AtomicInteger();

    void feedback(IssuedAccount account, String created, Outcome outcome) {
        MessageSid message = new MessageSid(String.format("SM%032x", messages.incrementAndGet()));
        Instant at = Instant.parse(created);
        counts.put(new Feedback(new FeedbackKey(account.account().sid(), message), outcome, at, at));
    }

    FeedbackSummary summarize(IssuedAccount account, String start, String end, boolean includeSubaccounts) {
        return service.summarizeMessageFeedback(new SummarizeMessageFeedbackQuery(account.account().sid(),
                new ReportingPeriod(LocalDate.parse(start), LocalDate.parse(end)), includeSubaccounts));
    }

    @Test
    void everyDayOfThePeriodHasAnEntryAndTheTotalsAddUp() {
        feedback(parent, "2026-03-01T00:00:00Z", Outcome.CONFIRMED);
        feedback(parent, "2026-03-01T23:59:59.999999Z", Outcome.UNCONFIRMED);
        feedback(parent, "2026-03-03T12:00:00Z", Outcome.UNCONFIRMED);
        feedback(parent, "2026-02-28T23:59:59.999999Z", Outcome.CONFIRMED); // before the period
        feedback(parent, "2026-03-04T00:00:00Z", Outcome.CONFIRMED); // after it

        FeedbackSummary summary = summarize(parent, "2026-03-01", "2026-03-03", false);

        assertEquals(List.of(
                new DailyFeedbackCounts(LocalDate.parse("2026-03-01"), new FeedbackCounts(1, 1)),
                new DailyFeedbackCounts(LocalDate.parse("2026-03-02"), FeedbackCounts.NONE),
                new DailyFeedbackCounts(LocalDate.parse("2026-03-03"), new FeedbackCounts(0, 1))), summary.days());
        assertEquals(new FeedbackCounts(1, 2), summary.totals());
        assertEquals(Optional.of(new BigDecimal("0.3333")), summary.totals().confirmationRate());
        assertEquals(parent.account().sid(), summary.accountSid());
        assertEquals(false, summary.includeSubaccounts());
    }

    @Test
    void anEmptyPeriodHasZerosAndNoRate() {
        FeedbackSummary summary = summarize(parent, "2026-03-01", "2026-03-01", false);
        assertEquals(List.of(new DailyFeedbackCounts(LocalDate.parse("2026-03-01"), FeedbackCounts.NONE)), summary.days());
        assertEquals(Optional.empty(), summary.totals().confirmationRate());
    }

    @Test
    void subaccountsAreSummedOnlyWhenAsked() {
        feedback(parent, "2026-03-01T10:00:00Z", Outcome.CONFIRMED);
        feedback(child, "2026-03-01T11:00:00Z", Outcome.UNCONFIRMED);
        feedback(other, "2026-03-01T12:00:00Z", Outcome.CONFIRMED);

        assertEquals(new FeedbackCounts(1, 0), summarize(parent, "2026-03-01", "2026-03-01", false).totals());
        assertEquals(new FeedbackCounts(1, 1), summarize(parent, "2026-03-01", "2026-03-01", true).totals());
        assertEquals(Set.of(parent.account().sid(), child.account().sid()), counts.asked().get(1));
    }

    @Test
    void aSubaccountSeesOnlyItselfEvenWithSubaccountsIncluded() {
        feedback(parent, "2026-03-01T10:00:00Z", Outcome.CONFIRMED);
        feedback(child, "2026-03-01T11:00:00Z", Outcome.UNCONFIRMED);
        assertEquals(new FeedbackCounts(0, 1), summarize(child, "2026-03-01", "2026-03-01", true).totals());
        assertEquals(Set.of(child.account().sid()), counts.asked().get(0));
    }

    @Test
    void aSuspendedSubaccountIsNotOneTheParentMayActOn() {
        feedback(child, "2026-03-01T11:00:00Z", Outcome.UNCONFIRMED);
        new ChangeAccountStatusService(accounts, clock).changeAccountStatus(new ChangeAccountStatusCommand(child.account().sid(), AccountStatus.SUSPENDED));
        assertEquals(FeedbackCounts.NONE, summarize(parent, "2026-03-01", "2026-03-01", true).totals());
        AccountSid childSid = child.account().sid();
        assertEquals(false, counts.asked().get(0).contains(childSid));
    }

    /**
     * The summary counts what creating feedback stored, confirmations included, with no count written by
     * hand: the store keeps the counts with the rows.
     */
    @Test
    void theSummaryCountsWhatCreatingFeedbackStored() {
        try (GroupCommits writers = new GroupCommits(new WriteSettings(1, 16, 64, Duration.ofSeconds(10)))) {
            CreateMessageFeedbackService create = new CreateMessageFeedbackService(
                    counts, Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC), writers);
            FeedbackKey first = new FeedbackKey(parent.account().sid(), new MessageSid("SM" + "1".repeat(32)));
            FeedbackKey second = new FeedbackKey(parent.account().sid(), new MessageSid("SM" + "2".repeat(32)));
            FeedbackKey third = new FeedbackKey(parent.account().sid(), new MessageSid("SM" + "3".repeat(32)));
            for (CreateMessageFeedbackCommand command : List.of(
                    new CreateMessageFeedbackCommand(first, Optional.empty()),
                    new CreateMessageFeedbackCommand(second, Optional.of(Outcome.CONFIRMED)),
                    new CreateMessageFeedbackCommand(third, Optional.of(Outcome.UNCONFIRMED)),
                    new CreateMessageFeedbackCommand(first, Optional.of(Outcome.CONFIRMED)),
                    new CreateMessageFeedbackCommand(second, Optional.of(Outcome.UNCONFIRMED)))) {
                create.createMessageFeedback(command).toCompletableFuture().join();
            }
        }
        assertEquals(new FeedbackCounts(2, 1), summarize(parent, "2026-03-01", "2026-03-01", false).totals());
    }
}
