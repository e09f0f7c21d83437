package dev.messagefeedback.application.service;

import dev.messagefeedback.application.port.in.AccountNotFoundException;
import dev.messagefeedback.application.port.in.RevokeApiKeyCommand;
import dev.messagefeedback.application.port.in.RevokeApiKeyUseCase;
import dev.messagefeedback.application.port.out.AccountStore;
import dev.messagefeedback.application.port.out.StoredApiKey;
import dev.messagefeedback.domain.ApiKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;

/** Revokes an API key for good. */
@ApplicationScoped
public class RevokeApiKeyService implements RevokeApiKeyUseCase {

    private final AccountStore store;
    private final Clock clock;

    @Inject
    public RevokeApiKeyService(AccountStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    @Transactional
    public ApiKey revokeApiKey(RevokeApiKeyCommand command) {
        StoredApiKey stored = store.find(command.apiKeySid())
                .orElseThrow(() -> new AccountNotFoundException("API key " + command.apiKeySid()));
        ApiKey revoked = stored.apiKey().revoke(Accounts.now(clock));
        store.update(new StoredApiKey(revoked, stored.secretDigest()));
        return revoked;
    }
}
