package dev.messagefeedback.application.port.out;

import dev.messagefeedback.domain.Account;
import java.util.Objects;

/** An account as stored: the account and the digest of its auth token. */
public record StoredAccount(Account account, SecretDigest authTokenDigest) {

    public StoredAccount {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(authTokenDigest, "authTokenDigest");
    }
}
