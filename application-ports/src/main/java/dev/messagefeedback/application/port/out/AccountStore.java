package dev.messagefeedback.application.port.out;

import dev.messagefeedback.domain.Account;
import dev.messagefeedback.domain.AccountSid;
import dev.messagefeedback.domain.ApiKey;
import dev.messagefeedback.domain.ApiKeySid;
import java.util.List;
import java.util.Optional;

/** Where accounts and API keys are kept. Callers own the transaction. */
public interface AccountStore {

    void insert(StoredAccount account);

    Optional<StoredAccount> find(AccountSid sid);

    /** As {@link #find}, and holds the account against concurrent changes until the transaction ends. */
    Optional<StoredAccount> findForUpdate(AccountSid sid);

    void update(StoredAccount account);

    /** Every account, parents before their subaccounts, oldest first. */
    List<Account> list();

    /** The subaccounts of an account, whatever their status, oldest first; none for a subaccount. */
    List<Account> listSubaccounts(AccountSid parent);

    void insert(StoredApiKey apiKey);

    Optional<StoredApiKey> find(ApiKeySid sid);

    void update(StoredApiKey apiKey);

    /** The keys of one account, oldest first, revoked ones included. */
    List<ApiKey> listApiKeys(AccountSid owner);
}
