package dev.messagefeedback.testfixtures;

import dev.messagefeedback.application.port.out.AccountStore;
import dev.messagefeedback.application.port.out.StoredAccount;
import dev.messagefeedback.application.port.out.StoredApiKey;
import dev.messagefeedback.domain.Account;
import dev.messagefeedback.domain.AccountSid;
import dev.messagefeedback.domain.ApiKey;
import dev.messagefeedback.domain.ApiKeySid;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake of the account store port that also counts lookups, to show what the cache saves.
 * {@code AccountStoreContract} holds it to the same contract as the PostgreSQL store
 * (InMemoryAccountStoreContractTest). It has no transactions, so {@link #findForUpdate} holds nothing.
 */
public class InMemoryAccountStore implements AccountStore {

    private static final Comparator<Account> LIST_ORDER = Comparator
            .comparing((Account account) -> account.parent().isPresent())
            .thenComparing(Account::dateCreated)
            .thenComparing(account -> account.sid().value());
    private static final Comparator<ApiKey> KEY_ORDER = Comparator
            .comparing(ApiKey::dateCreated)
            .thenComparing(key -> key.sid().value());

    private final Map<AccountSid, StoredAccount> accounts = new ConcurrentHashMap<>();
    private final Map<ApiKeySid, StoredApiKey> apiKeys = new ConcurrentHashMap<>();
    private final AtomicInteger lookups = new AtomicInteger();

    /** How many times an account or key was looked up. */
    public int lookups() {
        return lookups.get();
    }

    @Override
    public void insert(StoredAccount account) {
        account.account().parent().ifPresent(this::requireStored);
        if (accounts.putIfAbsent(account.account().sid(), account) != null) {
            throw new IllegalStateException("duplicate account " + account.account().sid());
        }
    }

    @Override
    public Optional<StoredAccount> find(AccountSid sid) {
        lookups.incrementAndGet();
        return Optional.ofNullable(accounts.get(sid));
    }

    @Override
    public Optional<StoredAccount> findForUpdate(AccountSid sid) {
        return find(sid);
    }

    @Override
    public void update(StoredAccount account) {
        if (accounts.replace(account.account().sid(), account) == null) {
            throw new IllegalStateException("no account " + account.account().sid());
        }
    }

    @Override
    public List<Account> list() {
        return accounts.values().stream().map(StoredAccount::account).sorted(LIST_ORDER).toList();
    }

    @Override
    public List<Account> listSubaccounts(AccountSid parent) {
        return accounts.values().stream().map(StoredAccount::account).filter(a -> a.isSubaccountOf(parent)).toList();
    }

    @Override
    public void insert(StoredApiKey apiKey) {
        requireStored(apiKey.apiKey().accountSid());
        if (apiKeys.putIfAbsent(apiKey.apiKey().sid(), apiKey) != null) {
            throw new IllegalStateException("duplicate API key " + apiKey.apiKey().sid());
        }
    }

    @Override
    public Optional<StoredApiKey> find(ApiKeySid sid) {
        lookups.incrementAndGet();
        return Optional.ofNullable(apiKeys.get(sid));
    }

    @Override
    public void update(StoredApiKey apiKey) {
        if (apiKeys.replace(apiKey.apiKey().sid(), apiKey) == null) {
            throw new IllegalStateException("no API key " + apiKey.apiKey().sid());
        }
    }

    @Override
    public List<ApiKey> listApiKeys(AccountSid owner) {
        return apiKeys.values().stream().map(StoredApiKey::apiKey).filter(k -> k.accountSid().equals(owner))
                .sorted(KEY_ORDER).toList();
    }

    private void requireStored(AccountSid sid) {
        if (!accounts.containsKey(sid)) {
            throw new IllegalStateException("no account " + sid);
        }
    }
}
