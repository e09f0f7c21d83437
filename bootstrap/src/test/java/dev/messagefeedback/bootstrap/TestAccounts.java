package dev.messagefeedback.bootstrap;

import dev.messagefeedback.application.port.in.ChangeAccountStatusCommand;
import dev.messagefeedback.application.port.in.ChangeAccountStatusUseCase;
import dev.messagefeedback.application.port.in.CreateAccountCommand;
import dev.messagefeedback.application.port.in.CreateAccountUseCase;
import dev.messagefeedback.application.port.in.CreateApiKeyCommand;
import dev.messagefeedback.application.port.in.CreateApiKeyUseCase;
import dev.messagefeedback.application.port.in.IssuedAccount;
import dev.messagefeedback.application.port.in.IssuedApiKey;
import dev.messagefeedback.domain.AccountSid;
import dev.messagefeedback.domain.AccountStatus;
import dev.messagefeedback.domain.FriendlyName;
import io.quarkus.arc.Arc;
import java.util.Optional;

/** Real accounts and keys, made through the application's own use cases, for tests to authenticate with. */
final class TestAccounts {

    /** Who a test request authenticates as: an account SID and token, or an API key SID and secret. */
    record Credentials(String username, String secret, String accountSid) {
    }

    private TestAccounts() {
    }

    static Credentials account() {
        return of(create(Optional.empty()));
    }

    static Credentials subaccountOf(Credentials parent) {
        return of(create(Optional.of(new AccountSid(parent.accountSid()))));
    }

    static Credentials apiKeyOf(Credentials owner) {
        IssuedApiKey key = Arc.container().instance(CreateApiKeyUseCase.class).get()
                .createApiKey(new CreateApiKeyCommand(new AccountSid(owner.accountSid()), new FriendlyName("test key")));
        return new Credentials(key.apiKey().sid().value(), key.secret(), owner.accountSid());
    }

    static void changeStatus(Credentials account, AccountStatus status) {
        Arc.container().instance(ChangeAccountStatusUseCase.class).get()
                .changeAccountStatus(new ChangeAccountStatusCommand(new AccountSid(account.accountSid()), status));
    }

    private static IssuedAccount create(Optional<AccountSid> parent) {
        return Arc.container().instance(CreateAccountUseCase.class).get()
                .createAccount(new CreateAccountCommand(new FriendlyName("test account"), parent));
    }

    private static Credentials of(IssuedAccount issued) {
        String sid = issued.account().sid().value();
        return new Credentials(sid, issued.authToken(), sid);
    }
}
