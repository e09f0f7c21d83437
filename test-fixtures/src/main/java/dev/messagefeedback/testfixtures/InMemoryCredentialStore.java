package dev.messagefeedback.testfixtures;

import static java.util.concurrent.CompletableFuture.completedFuture;

import dev.messagefeedback.application.port.out.CredentialStore;
import dev.messagefeedback.application.port.out.StoredAccount;
import dev.messagefeedback.application.port.out.StoredApiKey;
import dev.messagefeedback.domain.AccountSid;
import dev.messagefeedback.domain.ApiKeySid;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** A fake of the credential port over the account fake: always current, always answered at once. */
public class InMemoryCredentialStore implements CredentialStore {

    private final InMemoryAccountStore accounts;

    public InMemoryCredentialStore(InMemoryAccountStore accounts) {
        this.accounts = accounts;
    }

    @Override
    public CompletionStage<Optional<StoredAccount>> findAccount(AccountSid sid, Duration maxAge) {
        return completedFuture(accounts.find(sid));
    }

    @Override
    public CompletionStage<Optional<StoredApiKey>> findApiKey(ApiKeySid sid, Duration maxAge) {
        return completedFuture(accounts.find(sid));
    }
}
