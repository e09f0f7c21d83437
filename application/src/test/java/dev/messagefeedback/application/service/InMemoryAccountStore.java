package dev.messagefeedback.application.service;

import dev.messagefeedback.application.port.out.AccountStore;
import dev.messagefeedback.application.port.out.StoredAccount;
import dev.messagefeedback.application.port.out.StoredApiKey;
import dev.messagefeedback.domain.Account;
import dev.messagefeedback.domain.AccountSid;
import dev.messagefeedback.domain.ApiKey;
import dev.messagefeedback.domain.ApiKeySid;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A fake of the account store port that also counts lookups, to show what the cache saves. */
class InMemoryAccountStore implements AccountStore {

    final Map<AccountSid, StoredAccount> accounts = new ConcurrentHashMap<>();
    final Map<ApiKeySid, StoredApiKey> apiKeys = new ConcurrentHashMap<>();
    final AtomicInteger lookups = new AtomicInteger();

    @Override
    public void insert(StoredAccount account) {
        if (accounts.putIfAbsent(account.account().sid(), account) != null) {
            throw new IllegalStateException("duplicate account");
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
        accounts.put(account.account().sid(), account);
    }

    @Override
    public List<Account> list() {
        return accounts.values().stream().map(StoredAccount::account).toList();
    }

    @Override
    public List<Account> listSubaccounts(AccountSid parent) {
        return accounts.values().stream().map(StoredAccount::account).filter(a -> a.isSubaccountOf(parent)).toList();
    }

    @Override
    public void insert(StoredApiKey apiKey) {
        apiKeys.put(apiKey.apiKey().sid(), apiKey);
    }

    @Override
    public Optional<StoredApiKey> find(ApiKeySid sid) {
        lookups.incrementAndGet();
        return Optional.ofNullable(apiKeys.get(sid));
    }

    @Override
    public void update(StoredApiKey apiKey) {
        apiKeys.put(apiKey.apiKey().sid(), apiKey);
    }

    @Override
    public List<ApiKey> listApiKeys(AccountSid owner) {
        return apiKeys.values().stream().map(StoredApiKey::apiKey).filter(k -> k.accountSid().equals(owner)).toList();
    }
}
