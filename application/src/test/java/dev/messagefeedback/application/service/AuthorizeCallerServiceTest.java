package dev.messagefeedback.application.service;

import static dev.messagefeedback.application.port.in.AccessDecision.DENIED;
import static dev.messagefeedback.application.port.in.AccessDecision.GRANTED;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.messagefeedback.application.port.in.AccessDecision;
import dev.messagefeedback.application.port.in.AuthorizeCallerCommand;
import dev.messagefeedback.application.port.in.ChangeAccountStatusCommand;
import dev.messagefeedback.application.port.in.CreateAccountCommand;
import dev.messagefeedback.domain.Account;
import dev.messagefeedback.domain.AccountSid;
import dev.messagefeedback.domain.AccountStatus;
import dev.messagefeedback.domain.FriendlyName;
import dev.messagefeedback.testfixtures.InMemoryAccountStore;
import dev.messagefeedback.testfixtures.InMemoryCredentialStore;
import dev.messagefeedback.testfixtures.MutableClock;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuthorizeCallerServiceTest {

    final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    final InMemoryAccountStore store = new InMemoryAccountStore();
    final CreateAccountService accounts =
            new CreateAccountService(store, new SecretDigester("a-test-digest-key-of-at-least-32-characters"), clock);
    final AuthorizeCallerService authorization = new AuthorizeCallerService(new InMemoryCredentialStore(store));

    final AccountSid parent = open("parent", Optional.empty());
    final AccountSid child = open("child", Optional.of(parent));
    final AccountSid sibling = open("sibling", Optional.of(parent));

    AccountSid open(String name, Optional<AccountSid> under) {
        return accounts.createAccount(new CreateAccountCommand(new FriendlyName(name), under)).account().sid();
    }

    AccessDecision authorize(AccountSid caller, AccountSid target) {
        Account account = store.find(caller).orElseThrow().account(); // as authentication answered it
        return authorization.authorizeCaller(new AuthorizeCallerCommand(account, target)).toCompletableFuture().join();
    }

    @Test
    void anAccountActsOnItselfAndItsSubaccountsOnly() {
        assertEquals(GRANTED, authorize(parent, parent));
        assertEquals(GRANTED, authorize(parent, child));
        assertEquals(GRANTED, authorize(child, child));
        assertEquals(DENIED, authorize(child, parent));
        assertEquals(DENIED, authorize(child, sibling));
    }

    @Test
    void anUnknownTargetIsDenied() {
        assertEquals(DENIED, authorize(parent, new AccountSid("AC" + "8".repeat(32))));
    }

    @Test
    void aSuspendedSubaccountIsNotActedOnEvenByItsParent() {
        new ChangeAccountStatusService(store, clock)
                .changeAccountStatus(new ChangeAccountStatusCommand(child, AccountStatus.SUSPENDED));
        assertEquals(DENIED, authorize(parent, child));
        assertEquals(GRANTED, authorize(parent, sibling));
    }
}
