package dev.messagefeedback.application.service;

import static dev.messagefeedback.application.port.in.AccessDecision.DENIED;
import static dev.messagefeedback.application.port.in.AccessDecision.GRANTED;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.messagefeedback.application.port.in.AccessDecision;
import dev.messagefeedback.application.port.in.AuthorizeCallerCommand;
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
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuthorizationServiceTest {

    static final Duration WINDOW = Duration.ofSeconds(30);

    final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    final InMemoryAccountStore store = new InMemoryAccountStore();
    final SecretDigester digester = new SecretDigester("a-test-digest-key-of-at-least-32-characters");
    final AccountAdministrationService admin = new AccountAdministrationService(store, digester, clock);
    final AuthorizationService authorization =
            new AuthorizationService(store, digester, new CredentialCachePolicy(WINDOW, 1000), clock);

    final IssuedAccount parent = admin.createAccount(new CreateAccountCommand(new FriendlyName("parent"), Optional.empty()));
    final IssuedAccount child = admin.createAccount(
            new CreateAccountCommand(new FriendlyName("child"), Optional.of(parent.account().sid())));
    final IssuedAccount sibling = admin.createAccount(
            new CreateAccountCommand(new FriendlyName("sibling"), Optional.of(parent.account().sid())));

    AccessDecision as(IssuedAccount caller, IssuedAccount target) {
        return authorization.authorize(command(caller.account().sid().value(), caller.authToken(), target));
    }

    static AuthorizeCallerCommand command(String user, String secret, IssuedAccount target) {
        return new AuthorizeCallerCommand(user, secret, Optional.of(target.account().sid()));
    }

    @Test
    void accountTokensActOnTheirAccountAndSubaccountsOnly() {
        assertEquals(GRANTED, as(parent, parent));
        assertEquals(GRANTED, as(parent, child));
        assertEquals(GRANTED, as(child, child));
        assertEquals(DENIED, as(child, parent));
        assertEquals(DENIED, as(child, sibling));
    }

    @Test
    void wrongSecretsAndUnknownOrMalformedUsersAreDenied() {
        String sid = parent.account().sid().value();
        assertEquals(DENIED, authorization.authorize(command(sid, "wrong", parent)));
        assertEquals(DENIED, authorization.authorize(command("AC" + "9".repeat(32), parent.authToken(), parent)));
        assertEquals(DENIED, authorization.authorize(command("not-a-sid", parent.authToken(), parent)));
        assertEquals(DENIED, authorization.authorize(command("", "", parent)));
    }

    @Test
    void aPathWithoutAnAccountIsDecidedByTheCredentialsAlone() {
        var command = new AuthorizeCallerCommand(parent.account().sid().value(), parent.authToken(), Optional.empty());
        assertEquals(GRANTED, authorization.authorize(command));
    }

    @Test
    void anUnknownTargetAccountIsDenied() {
        var command = new AuthorizeCallerCommand(parent.account().sid().value(), parent.authToken(),
                Optional.of(new AccountSid("AC" + "8".repeat(32))));
        assertEquals(DENIED, authorization.authorize(command));
    }

    @Test
    void apiKeysActForTheirAccountUntilRevoked() {
        IssuedApiKey key = admin.createApiKey(new CreateApiKeyCommand(parent.account().sid(), new FriendlyName("k")));
        String keySid = key.apiKey().sid().value();
        assertEquals(GRANTED, authorization.authorize(command(keySid, key.secret(), child)));
        assertEquals(DENIED, authorization.authorize(command(keySid, "wrong", child)));
        admin.revokeApiKey(new RevokeApiKeyCommand(key.apiKey().sid()));
        clock.advance(WINDOW);
        assertEquals(DENIED, authorization.authorize(command(keySid, key.secret(), child)));
    }

    @Test
    void theSteadyStateCostsNoLookupAndChangesLandWithinTheWindow() {
        assertEquals(GRANTED, as(parent, child));
        int lookups = store.lookups.get();
        for (int i = 0; i < 100; i++) {
            assertEquals(Optional.of(GRANTED),
                    authorization.authorizeFromCache(command(parent.account().sid().value(), parent.authToken(), child)));
        }
        assertEquals(lookups, store.lookups.get(), "no lookup while cached");

        admin.changeAccountStatus(new ChangeAccountStatusCommand(parent.account().sid(), AccountStatus.SUSPENDED));
        clock.advance(WINDOW.minusSeconds(1));
        assertEquals(GRANTED, as(parent, child), "still cached inside the window");
        clock.advance(Duration.ofSeconds(1));
        assertEquals(DENIED, as(parent, child), "suspended once the window has passed");
        assertEquals(DENIED, as(child, child), "a suspended parent stops its subaccounts too");
    }

    @Test
    void aRotatedTokenWorksAtOnceAndTheOldOneStopsWithinTheWindow() {
        assertEquals(GRANTED, as(parent, parent));
        clock.advance(Duration.ofSeconds(2));
        var rotated = admin.rotateAuthToken(new RotateAuthTokenCommand(parent.account().sid()));
        String sid = parent.account().sid().value();
        assertEquals(GRANTED, authorization.authorize(command(sid, rotated.authToken(), parent)));
        clock.advance(WINDOW);
        assertEquals(DENIED, authorization.authorize(command(sid, parent.authToken(), parent)));
    }

    @Test
    void fromCacheOnlyAsksForALookupInsteadOfBlocking() {
        var command = command(parent.account().sid().value(), parent.authToken(), parent);
        assertEquals(Optional.empty(), authorization.authorizeFromCache(command));
        authorization.authorize(command);
        assertEquals(Optional.of(GRANTED), authorization.authorizeFromCache(command));
    }
}
