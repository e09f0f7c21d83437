package dev.messagefeedback.application.port.in;

import dev.messagefeedback.domain.Account;
import java.util.List;

/** What an operator sees of the accounts: every account, parents before their subaccounts. Never a secret. */
public interface ListAccountsUseCase {

    List<Account> listAccounts();
}
