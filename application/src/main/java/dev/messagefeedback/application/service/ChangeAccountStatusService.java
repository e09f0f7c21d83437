package dev.messagefeedback.application.service;

import dev.messagefeedback.application.port.in.ChangeAccountStatusCommand;
import dev.messagefeedback.application.port.in.ChangeAccountStatusUseCase;
import dev.messagefeedback.application.port.out.AccountStore;
import dev.messagefeedback.application.port.out.StoredAccount;
import dev.messagefeedback.domain.Account;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;

/** Suspends, reactivates or closes an account, by the domain's rules. */
@ApplicationScoped
public class ChangeAccountStatusService implements ChangeAccountStatusUseCase {

    private final AccountStore store;
    private final Clock clock;

    @Inject
    public ChangeAccountStatusService(AccountStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Account changeAccountStatus(ChangeAccountStatusCommand command) {
        StoredAccount stored = Accounts.existingForUpdate(store, command.accountSid());
        Account changed = stored.account().changeStatus(command.status(), Accounts.now(clock));
        store.update(new StoredAccount(changed, stored.authTokenDigest()));
        return changed;
    }
}
