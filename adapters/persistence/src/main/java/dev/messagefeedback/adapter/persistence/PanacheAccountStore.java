package dev.messagefeedback.adapter.persistence;

import dev.messagefeedback.application.port.out.AccountStore;
import dev.messagefeedback.application.port.out.StoredAccount;
import dev.messagefeedback.application.port.out.StoredApiKey;
import dev.messagefeedback.domain.Account;
import dev.messagefeedback.domain.AccountSid;
import dev.messagefeedback.domain.ApiKey;
import dev.messagefeedback.domain.ApiKeySid;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;

/** Accounts and API keys on PostgreSQL. Reads return detached copies, so a later read sees the database. */
@ApplicationScoped
class PanacheAccountStore implements AccountStore {

    @Override
    public void insert(StoredAccount account) {
        AccountEntity entity = new AccountEntity();
        AccountMapper.copy(account, entity);
        entity.persist();
    }

    @Override
    public Optional<StoredAccount> find(AccountSid sid) {
        return AccountEntity.<AccountEntity>findByIdOptional(sid.value()).map(this::detached).map(AccountMapper::toStored);
    }

    @Override
    public Optional<StoredAccount> findForUpdate(AccountSid sid) {
        return AccountEntity.<AccountEntity>findByIdOptional(sid.value(), LockModeType.PESSIMISTIC_WRITE)
                .map(AccountMapper::toStored);
    }

    @Override
    public void update(StoredAccount account) {
        AccountEntity entity = AccountEntity.<AccountEntity>findByIdOptional(account.account().sid().value())
                .orElseThrow(() -> new IllegalStateException("no account " + account.account().sid()));
        AccountMapper.copy(account, entity);
    }

    @Override
    public List<Account> list() {
        return AccountEntity.<AccountEntity>findAll(Sort.by("dateCreated").and("sid")).list().stream()
                .map(AccountMapper::toDomain)
                .sorted((a, b) -> Boolean.compare(a.parent().isPresent(), b.parent().isPresent()))
                .toList();
    }

    @Override
    public List<Account> listSubaccounts(AccountSid parent) {
        return AccountEntity.<AccountEntity>list("parentSid", Sort.by("dateCreated").and("sid"), parent.value())
                .stream().map(AccountMapper::toDomain).toList();
    }

    @Override
    public void insert(StoredApiKey apiKey) {
        ApiKeyEntity entity = new ApiKeyEntity();
        AccountMapper.copy(apiKey, entity);
        entity.persist();
    }

    @Override
    public Optional<StoredApiKey> find(ApiKeySid sid) {
        return ApiKeyEntity.<ApiKeyEntity>findByIdOptional(sid.value()).map(this::detached).map(AccountMapper::toStored);
    }

    @Override
    public void update(StoredApiKey apiKey) {
        ApiKeyEntity entity = ApiKeyEntity.<ApiKeyEntity>findByIdOptional(apiKey.apiKey().sid().value())
                .orElseThrow(() -> new IllegalStateException("no API key " + apiKey.apiKey().sid()));
        AccountMapper.copy(apiKey, entity);
    }

    @Override
    public List<ApiKey> listApiKeys(AccountSid owner) {
        return ApiKeyEntity.<ApiKeyEntity>list("accountSid", Sort.by("dateCreated").and("sid"), owner.value())
                .stream().map(AccountMapper::toDomain).toList();
    }

    private <T extends io.quarkus.hibernate.orm.panache.PanacheEntityBase> T detached(T entity) {
        AccountEntity.getEntityManager().detach(entity);
        return entity;
    }
}
