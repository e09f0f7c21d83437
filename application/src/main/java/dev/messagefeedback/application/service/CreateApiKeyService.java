package dev.messagefeedback.application.service;

import dev.messagefeedback.application.port.in.CreateApiKeyCommand;
import dev.messagefeedback.application.port.in.CreateApiKeyUseCase;
import dev.messagefeedback.application.port.in.IssuedApiKey;
import dev.messagefeedback.application.port.out.AccountStore;
import dev.messagefeedback.application.port.out.StoredApiKey;
import dev.messagefeedback.domain.Account;
import dev.messagefeedback.domain.ApiKey;
import dev.messagefeedback.domain.ApiKeySid;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;

/** An API key of an active account; its secret is returned once and stored as a digest. */
@ApplicationScoped
public class CreateApiKeyService implements CreateApiKeyUseCase {

    private final AccountStore store;
    private final SecretDigester digester;
    private final Clock clock;

    @Inject
    public CreateApiKeyService(AccountStore store, SecretDigester digester, Clock clock) {
        this.store = store;
        this.digester = digester;
        this.clock = clock;
    }

    @Override
    @Transactional
    public IssuedApiKey createApiKey(CreateApiKeyCommand command) {
        Account owner = Accounts.existingForUpdate(store, command.accountSid()).account();
        ApiKey apiKey = ApiKey.issue(new ApiKeySid("SK" + Randomness.hex128()), owner, command.friendlyName(),
                Accounts.now(clock));
        String secret = Randomness.hex128();
        store.insert(new StoredApiKey(apiKey, digester.digest(secret)));
        return new IssuedApiKey(apiKey, secret);
    }
}
