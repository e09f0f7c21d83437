package dev.messagefeedback.application.service;

import dev.messagefeedback.application.port.in.IssuedAuthToken;
import dev.messagefeedback.application.port.in.RotateAuthTokenCommand;
import dev.messagefeedback.application.port.in.RotateAuthTokenUseCase;
import dev.messagefeedback.application.port.out.AccountStore;
import dev.messagefeedback.application.port.out.StoredAccount;
import dev.messagefeedback.domain.AccountRuleException;
import dev.messagefeedback.domain.AccountStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;

/** A fresh auth token for an account that is not closed; the old one stops working. */
@ApplicationScoped
public class RotateAuthTokenService implements RotateAuthTokenUseCase {

    private final AccountStore store;
    private final SecretDigester digester;
    private final Clock clock;

    @Inject
    public RotateAuthTokenService(AccountStore store, SecretDigester digester, Clock clock) {
        this.store = store;
        this.digester = digester;
        this.clock = clock;
    }

    @Override
    @Transactional
    public IssuedAuthToken rotateAuthToken(RotateAuthTokenCommand command) {
        StoredAccount stored = Accounts.existingForUpdate(store, command.accountSid());
        if (stored.account().status() == AccountStatus.CLOSED) {
            throw new AccountRuleException("a closed account gets no new auth token");
        }
        String authToken = Randomness.hex128();
        store.update(new StoredAccount(stored.account().touched(Accounts.now(clock)), digester.digest(authToken)));
        return new IssuedAuthToken(command.accountSid(), authToken);
    }
}
