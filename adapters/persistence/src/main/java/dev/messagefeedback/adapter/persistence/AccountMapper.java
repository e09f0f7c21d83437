package dev.messagefeedback.adapter.persistence;

import dev.messagefeedback.application.port.out.SecretDigest;
import dev.messagefeedback.application.port.out.StoredAccount;
import dev.messagefeedback.application.port.out.StoredApiKey;
import dev.messagefeedback.domain.Account;
import dev.messagefeedback.domain.AccountSid;
import dev.messagefeedback.domain.AccountStatus;
import dev.messagefeedback.domain.ApiKey;
import dev.messagefeedback.domain.ApiKeySid;
import dev.messagefeedback.domain.FriendlyName;
import java.util.Optional;

/** Between the domain's accounts and keys and this adapter's rows. */
final class AccountMapper {

    private AccountMapper() {
    }

    static Account toDomain(AccountEntity entity) {
        AccountStatus status = AccountStatus.fromWireName(entity.status)
                .orElseThrow(() -> new IllegalStateException("unknown account status stored: " + entity.status));
        return new Account(new AccountSid(entity.sid), new FriendlyName(entity.friendlyName), status,
                Optional.ofNullable(entity.parentSid).map(AccountSid::new), entity.dateCreated, entity.dateUpdated);
    }

    static StoredAccount toStored(AccountEntity entity) {
        return new StoredAccount(toDomain(entity), new SecretDigest(entity.authTokenDigest));
    }

    static void copy(StoredAccount stored, AccountEntity entity) {
        Account account = stored.account();
        entity.sid = account.sid().value();
        entity.friendlyName = account.friendlyName().value();
        entity.status = account.status().wireName();
        entity.parentSid = account.parent().map(AccountSid::value).orElse(null);
        entity.authTokenDigest = stored.authTokenDigest().bytes();
        entity.dateCreated = account.dateCreated();
        entity.dateUpdated = account.dateUpdated();
    }

    static ApiKey toDomain(ApiKeyEntity entity) {
        return new ApiKey(new ApiKeySid(entity.sid), new AccountSid(entity.accountSid),
                new FriendlyName(entity.friendlyName), entity.dateCreated, Optional.ofNullable(entity.dateRevoked));
    }

    static StoredApiKey toStored(ApiKeyEntity entity) {
        return new StoredApiKey(toDomain(entity), new SecretDigest(entity.secretDigest));
    }

    static void copy(StoredApiKey stored, ApiKeyEntity entity) {
        ApiKey apiKey = stored.apiKey();
        entity.sid = apiKey.sid().value();
        entity.accountSid = apiKey.accountSid().value();
        entity.friendlyName = apiKey.friendlyName().value();
        entity.secretDigest = stored.secretDigest().bytes();
        entity.dateCreated = apiKey.dateCreated();
        entity.dateRevoked = apiKey.dateRevoked().orElse(null);
    }
}
