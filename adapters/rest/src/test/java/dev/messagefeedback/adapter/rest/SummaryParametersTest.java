package dev.messagefeedback.adapter.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.messagefeedback.domain.AccountSid;
import dev.messagefeedback.domain.DailyFeedbackCounts;
import dev.messagefeedback.domain.FeedbackCounts;
import dev.messagefeedback.domain.FeedbackSummary;
import dev.messagefeedback.domain.ReportingPeriod;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryParametersTest {

    @Test
    void readsAWindowOfUtcDays() {
        assertEquals(new ReportingPeriod(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-31")),
                SummarizeMessageFeedbackResource.period(List.of("2026-03-01"), List.of("2026-03-31")));
        assertEquals(new ReportingPeriod(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-01")),
                SummarizeMessageFeedbackResource.period(List.of("2026-03-01", "2026-03-01"), List.of("2026-03-01")));
    }

    @Test
    void everyRefusalIs400NamingTheParameter() {
        assertRefused("'StartDate'", () -> SummarizeMessageFeedbackResource.period(List.of(), List.of("2026-03-01")));
        assertRefused("'EndDate'", () -> SummarizeMessageFeedbackResource.period(List.of("2026-03-01"), List.of()));
        assertRefused("'StartDate'", () -> SummarizeMessageFeedbackResource.period(List.of("+2026-03-01"), List.of("2026-03-01")));
        assertRefused("'EndDate'", () -> SummarizeMessageFeedbackResource.period(List.of("2026-03-01"), List.of("2026-13-01")));
        assertRefused("'EndDate'", () -> SummarizeMessageFeedbackResource.period(List.of("2026-03-02"), List.of("2026-03-01")));
        assertRefused("'EndDate'", () -> SummarizeMessageFeedbackResource.period(List.of("2024-01-01"), List.of("2025-01-01")));
        assertRefused("'StartDate'", () -> SummarizeMessageFeedbackResource.period(List.of("2026-03-01", "2026-03-02"), List.of("2026-03-03")));
        assertRefused("'IncludeSubaccounts'", () -> SummarizeMessageFeedbackResource.includeSubaccounts(List.of("1")));
    }

    @Test
    void includeSubaccountsIsABooleanDefaultingToFalse() {
        assertEquals(false, SummarizeMessageFeedbackResource.includeSubaccounts(List.of()));
        assertEquals(true, SummarizeMessageFeedbackResource.includeSubaccounts(List.of("true")));
        assertEquals(true, SummarizeMessageFeedbackResource.includeSubaccounts(List.of("True")));
        assertEquals(false, SummarizeMessageFeedbackResource.includeSubaccounts(List.of("false")));
    }

    @Test
    void theJsonHasItsKeysInOrderAndANullRateWithoutFeedback() throws Exception {
        AccountSid account = new AccountSid("AC" + "a".repeat(32));
        ReportingPeriod period = new ReportingPeriod(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-02"));
        FeedbackSummary summary = new FeedbackSummary(account, period, true, List.of(
                new DailyFeedbackCounts(LocalDate.parse("2026-03-01"), new FeedbackCounts(1, 2)),
                new DailyFeedbackCounts(LocalDate.parse("2026-03-02"), FeedbackCounts.NONE)));
        String json = new ObjectMapper().writeValueAsString(FeedbackSummaryJson.of(summary));
        assertEquals("{\"account_sid\":\"" + account.value() + "\",\"start_date\":\"2026-03-01\",\"end_date\":\"2026-03-02\","
                + "\"include_subaccounts\":true,\"feedback_count\":3,\"confirmed_count\":1,\"unconfirmed_count\":2,"
                + "\"confirmation_rate\":\"0.3333\",\"days\":["
                + "{\"date\":\"2026-03-01\",\"feedback_count\":3,\"confirmed_count\":1,\"unconfirmed_count\":2,\"confirmation_rate\":\"0.3333\"},"
                + "{\"date\":\"2026-03-02\",\"feedback_count\":0,\"confirmed_count\":0,\"unconfirmed_count\":0,\"confirmation_rate\":null}],"
                + "\"uri\":\"/2010-04-01/Accounts/" + account.value()
                + "/Messages/FeedbackSummary.json?StartDate=2026-03-01&EndDate=2026-03-02&IncludeSubaccounts=true\"}", json);
    }

    private static void assertRefused(String parameter, Runnable read) {
        ApiProblem problem = assertThrows(ApiProblem.class, read::run);
        assertEquals(400, problem.status());
        assertEquals(20001, problem.body().code());
        assertTrue(problem.getMessage().contains(parameter), problem.getMessage());
    }
}
