package dev.messagefeedback.application.port.in;

import dev.messagefeedback.domain.AccountSid;
import dev.messagefeedback.domain.ReportingPeriod;
import java.util.Objects;

/**
 * The feedback of an account created in a reporting period; with {@code includeSubaccounts}, that of
 * the subaccounts the account may act on too. The caller has checked that it may act on the account.
 */
public record SummarizeMessageFeedbackQuery(AccountSid accountSid, ReportingPeriod period, boolean includeSubaccounts) {

    public SummarizeMessageFeedbackQuery {
        Objects.requireNonNull(accountSid, "accountSid");
        Objects.requireNonNull(period, "period");
    }
}
