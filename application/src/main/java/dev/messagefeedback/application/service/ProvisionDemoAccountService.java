package dev.messagefeedback.application.service;

import dev.messagefeedback.application.port.in.ProvisionDemoAccountCommand;
import dev.messagefeedback.application.port.in.ProvisionDemoAccountUseCase;
import dev.messagefeedback.application.port.out.AccountStore;
import dev.messagefeedback.application.port.out.SecretDigest;
import dev.messagefeedback.application.port.out.StoredAccount;
import dev.messagefeedback.domain.Account;
import dev.messagefeedback.domain.FriendlyName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;

/** The demo account exists and accepts the given token afterwards; run at every local start. */
@ApplicationScoped
public class ProvisionDemoAccountService implements ProvisionDemoAccountUseCase {

    private final AccountStore store;
    private final SecretDigester digester;
    private final Clock clock;

    @Inject
    public ProvisionDemoAccountService(AccountStore store, SecretDigester digester, Clock clock) {
        this.store = store;
        this.digester = digester;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void provisionDemoAccount(ProvisionDemoAccountCommand command) {
        SecretDigest digest = digester.digest(command.authToken());
        store.findForUpdate(command.sid()).ifPresentOrElse(
                stored -> {
                    if (!stored.authTokenDigest().matches(digest)) {
                        store.update(new StoredAccount(stored.account().touched(Accounts.now(clock)), digest));
                    }
                },
                () -> store.insert(new StoredAccount(
                        Account.open(command.sid(), new FriendlyName("Demo account"), Accounts.now(clock)), digest)));
    }
}
