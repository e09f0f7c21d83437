package dev.messagefeedback.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.messagefeedback.application.port.in.AuthenticateCallerCommand;
import dev.messagefeedback.application.port.in.ChangeAccountStatusCommand;
import dev.messagefeedback.application.port.in.CreateAccountCommand;
import dev.messagefeedback.application.port.in.CreateApiKeyCommand;
import dev.messagefeedback.application.port.in.IssuedAccount;
import dev.messagefeedback.application.port.in.IssuedApiKey;
import dev.messagefeedback.application.port.in.RevokeApiKeyCommand;
import dev.messagefeedback.application.port.in.RotateAuthTokenCommand;
import dev.messagefeedback.domain.AccountSid;
import dev.messagefeedback.domain.AccountStatus;
import dev.messagefeedback.domain.FriendlyName;
import dev.messagefeedback.testfixtures.InMemoryAccountStore;
import dev.messagefeedback.testfixtures.InMemoryCredentialStore;
import dev.messagefeedback.testfixtures.MutableClock;
import java.time.Instant;
import dev.messagefeedback.domain.Account;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuthenticateCallerServiceTest {

    final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    final InMemoryAccountStore store = new InMemoryAccountStore();
    final SecretDigester digester = new SecretDigester("a-test-digest-key-of-at-least-32-characters");
    final AuthenticateCallerService authentication =
            new AuthenticateCallerService(new InMemoryCredentialStore(store), digester);

    final IssuedAccount parent = new CreateAccountService(store, digester, clock)
            .createAccount(new CreateAccountCommand(new FriendlyName("parent"), Optional.empty()));
    final IssuedAccount child = new CreateAccountService(store, digester, clock)
            .createAccount(new CreateAccountCommand(new FriendlyName("child"), Optional.of(parent.account().sid())));

    Optional<AccountSid> authenticate(String username, String secret) {
        return authentication.authenticateCaller(new AuthenticateCallerCommand(username, secret)).thenApply(caller -> caller.map(Account::sid))
                .toCompletableFuture().join();
    }

    @Test
    void anAccountTokenAuthenticatesItsAccount() {
        assertEquals(Optional.of(parent.account().sid()), authenticate(parent.account().sid().value(), parent.authToken()));
        assertEquals(Optional.of(child.account().sid()), authenticate(child.account().sid().value(), child.authToken()));
    }

    @Test
    void wrongSecretsAndUnknownOrMalformedUsersAreNobody() {
        String sid = parent.account().sid().value();
        assertEquals(Optional.empty(), authenticate(sid, "wrong"));
        assertEquals(Optional.empty(), authenticate(sid, child.authToken()));
        assertEquals(Optional.empty(), authenticate("AC" + "9".repeat(32), parent.authToken()));
        assertEquals(Optional.empty(), authenticate("not-a-sid", parent.authToken()));
        assertEquals(Optional.empty(), authenticate("", ""));
    }

    @Test
    void anApiKeyAuthenticatesItsAccountUntilRevoked() {
        IssuedApiKey key = new CreateApiKeyService(store, digester, clock)
                .createApiKey(new CreateApiKeyCommand(parent.account().sid(), new FriendlyName("k")));
        String keySid = key.apiKey().sid().value();
        assertEquals(Optional.of(parent.account().sid()), authenticate(keySid, key.secret()));
        assertEquals(Optional.empty(), authenticate(keySid, "wrong"));
        new RevokeApiKeyService(store, clock).revokeApiKey(new RevokeApiKeyCommand(key.apiKey().sid()));
        assertEquals(Optional.empty(), authenticate(keySid, key.secret()));
    }

    @Test
    void suspendedOrClosedAccountsAndTheSubaccountsOfASuspendedOneAreNobody() {
        var status = new ChangeAccountStatusService(store, clock);
        status.changeAccountStatus(new ChangeAccountStatusCommand(parent.account().sid(), AccountStatus.SUSPENDED));
        assertEquals(Optional.empty(), authenticate(parent.account().sid().value(), parent.authToken()));
        assertEquals(Optional.empty(), authenticate(child.account().sid().value(), child.authToken()),
                "a suspended parent stops its subaccounts too");
        status.changeAccountStatus(new ChangeAccountStatusCommand(parent.account().sid(), AccountStatus.ACTIVE));
        status.changeAccountStatus(new ChangeAccountStatusCommand(child.account().sid(), AccountStatus.CLOSED));
        assertEquals(Optional.empty(), authenticate(child.account().sid().value(), child.authToken()));
    }

    @Test
    void onlyTheCurrentTokenWorksAfterARotation() {
        var rotated = new RotateAuthTokenService(store, digester, clock)
                .rotateAuthToken(new RotateAuthTokenCommand(parent.account().sid()));
        assertEquals(Optional.of(parent.account().sid()), authenticate(parent.account().sid().value(), rotated.authToken()));
        assertEquals(Optional.empty(), authenticate(parent.account().sid().value(), parent.authToken()));
    }
}
