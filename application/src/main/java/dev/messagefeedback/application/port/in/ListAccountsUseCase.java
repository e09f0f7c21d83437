package dev.messagefeedback.application.port.in;

import dev.messagefeedback.domain.Account;
import dev.messagefeedback.domain.AccountSid;
import dev.messagefeedback.domain.ApiKey;
import java.util.List;

/** What an operator sees: accounts, and an account's API keys. Never a secret. */
public interface ListAccountsUseCase {

    List<Account> listAccounts();

    List<ApiKey> listApiKeys(AccountSid owner);
}
