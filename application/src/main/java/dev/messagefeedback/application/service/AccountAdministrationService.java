package dev.messagefeedback.application.service;

import dev.messagefeedback.application.port.in.AccountNotFoundException;
import dev.messagefeedback.application.port.in.ChangeAccountStatusCommand;
import dev.messagefeedback.application.port.in.ChangeAccountStatusUseCase;
import dev.messagefeedback.application.port.in.CreateAccountCommand;
import dev.messagefeedback.application.port.in.CreateAccountUseCase;
import dev.messagefeedback.application.port.in.CreateApiKeyCommand;
import dev.messagefeedback.application.port.in.CreateApiKeyUseCase;
import dev.messagefeedback.application.port.in.IssuedAccount;
import dev.messagefeedback.application.port.in.IssuedApiKey;
import dev.messagefeedback.application.port.in.IssuedAuthToken;
import dev.messagefeedback.application.port.in.ListAccountsUseCase;
import dev.messagefeedback.application.port.in.ProvisionDemoAccountUseCase;
import dev.messagefeedback.application.port.in.RevokeApiKeyCommand;
import dev.messagefeedback.application.port.in.RevokeApiKeyUseCase;
import dev.messagefeedback.application.port.in.RotateAuthTokenCommand;
import dev.messagefeedback.application.port.in.RotateAuthTokenUseCase;
import dev.messagefeedback.application.port.out.AccountStore;
import dev.messagefeedback.application.port.out.StoredAccount;
import dev.messagefeedback.application.port.out.StoredApiKey;
import dev.messagefeedback.domain.Account;
import dev.messagefeedback.domain.AccountRuleException;
import dev.messagefeedback.domain.AccountSid;
import dev.messagefeedback.domain.AccountStatus;
import dev.messagefeedback.domain.ApiKey;
import dev.messagefeedback.domain.ApiKeySid;
import dev.messagefeedback.domain.FriendlyName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** What operators do to accounts and keys. Secrets are generated here, returned once, stored as digests. */
@ApplicationScoped
public class AccountAdministrationService implements CreateAccountUseCase, RotateAuthTokenUseCase,
        CreateApiKeyUseCase, RevokeApiKeyUseCase, ChangeAccountStatusUseCase, ListAccountsUseCase,
        ProvisionDemoAccountUseCase {

    private final AccountStore store;
    private final SecretDigester digester;
    private final Clock clock;

    @Inject
    public AccountAdministrationService(AccountStore store, SecretDigester digester, Clock clock) {
        this.store = store;
        this.digester = digester;
        this.clock = clock;
    }

    @Override
    @Transactional
    public IssuedAccount createAccount(CreateAccountCommand command) {
        Instant now = now();
        AccountSid sid = new AccountSid("AC" + Randomness.hex128());
        Account account = command.parent().isPresent()
                ? existingForUpdate(command.parent().get()).account().openSubaccount(sid, command.friendlyName(), now)
                : Account.open(sid, command.friendlyName(), now);
        String authToken = Randomness.hex128();
        store.insert(new StoredAccount(account, digester.digest(authToken)));
        return new IssuedAccount(account, authToken);
    }

    @Override
    @Transactional
    public IssuedAuthToken rotateAuthToken(RotateAuthTokenCommand command) {
        StoredAccount stored = existingForUpdate(command.accountSid());
        if (stored.account().status() == AccountStatus.CLOSED) {
            throw new AccountRuleException("a closed account gets no new auth token");
        }
        String authToken = Randomness.hex128();
        store.update(new StoredAccount(stored.account().touched(now()), digester.digest(authToken)));
        return new IssuedAuthToken(command.accountSid(), authToken);
    }

    @Override
    @Transactional
    public IssuedApiKey createApiKey(CreateApiKeyCommand command) {
        Account owner = existingForUpdate(command.accountSid()).account();
        ApiKey apiKey = ApiKey.issue(new ApiKeySid("SK" + Randomness.hex128()), owner, command.friendlyName(), now());
        String secret = Randomness.hex128();
        store.insert(new StoredApiKey(apiKey, digester.digest(secret)));
        return new IssuedApiKey(apiKey, secret);
    }

    @Override
    @Transactional
    public ApiKey revokeApiKey(RevokeApiKeyCommand command) {
        StoredApiKey stored = store.find(command.apiKeySid())
                .orElseThrow(() -> new AccountNotFoundException("API key " + command.apiKeySid()));
        ApiKey revoked = stored.apiKey().revoke(now());
        store.update(new StoredApiKey(revoked, stored.secretDigest()));
        return revoked;
    }

    @Override
    @Transactional
    public Account changeAccountStatus(ChangeAccountStatusCommand command) {
        StoredAccount stored = existingForUpdate(command.accountSid());
        Account changed = stored.account().changeStatus(command.status(), now());
        store.update(new StoredAccount(changed, stored.authTokenDigest()));
        return changed;
    }

    @Override
    @Transactional
    public List<Account> listAccounts() {
        return store.list();
    }

    @Override
    @Transactional
    public List<ApiKey> listApiKeys(AccountSid owner) {
        existing(owner);
        return store.listApiKeys(owner);
    }

    @Override
    @Transactional
    public void provisionDemoAccount(AccountSid sid, String authToken) {
        var digest = digester.digest(authToken);
        store.findForUpdate(sid).ifPresentOrElse(
                stored -> {
                    if (!stored.authTokenDigest().matches(digest)) {
                        store.update(new StoredAccount(stored.account().touched(now()), digest));
                    }
                },
                () -> store.insert(new StoredAccount(Account.open(sid, new FriendlyName("Demo account"), now()), digest)));
    }

    private StoredAccount existing(AccountSid sid) {
        return store.find(sid).orElseThrow(() -> new AccountNotFoundException("account " + sid));
    }

    private StoredAccount existingForUpdate(AccountSid sid) {
        return store.findForUpdate(sid).orElseThrow(() -> new AccountNotFoundException("account " + sid));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
