package dev.messagefeedback.application.port.in;

import dev.messagefeedback.domain.Account;

/** Suspend, reactivate or close an account. Suspending or closing also stops its subaccounts' credentials. */
public interface ChangeAccountStatusUseCase {

    Account changeAccountStatus(ChangeAccountStatusCommand command);
}
