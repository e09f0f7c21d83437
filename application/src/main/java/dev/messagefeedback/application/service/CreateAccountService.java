package dev.messagefeedback.application.service;

import dev.messagefeedback.application.port.in.CreateAccountCommand;
import dev.messagefeedback.application.port.in.CreateAccountUseCase;
import dev.messagefeedback.application.port.in.IssuedAccount;
import dev.messagefeedback.application.port.out.AccountStore;
import dev.messagefeedback.application.port.out.StoredAccount;
import dev.messagefeedback.domain.Account;
import dev.messagefeedback.domain.AccountSid;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

/** A new account, or a subaccount of an active top-level one; its auth token is returned once and stored as a digest. */
@ApplicationScoped
public class CreateAccountService implements CreateAccountUseCase {

    private final AccountStore store;
    private final SecretDigester digester;
    private final Clock clock;

    @Inject
    public CreateAccountService(AccountStore store, SecretDigester digester, Clock clock) {
        this.store = store;
        this.digester = digester;
        this.clock = clock;
    }

    @Override
    @Transactional
    public IssuedAccount createAccount(CreateAccountCommand command) {
        Instant now = Accounts.now(clock);
        AccountSid sid = new AccountSid("AC" + Randomness.hex128());
        Account account = command.parent().isPresent()
                ? Accounts.existingForUpdate(store, command.parent().get()).account()
                        .openSubaccount(sid, command.friendlyName(), now)
                : Account.open(sid, command.friendlyName(), now);
        String authToken = Randomness.hex128();
        store.insert(new StoredAccount(account, digester.digest(authToken)));
        return new IssuedAccount(account, authToken);
    }
}
