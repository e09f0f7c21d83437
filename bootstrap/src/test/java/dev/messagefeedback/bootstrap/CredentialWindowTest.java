package dev.messagefeedback.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.messagefeedback.application.port.in.RevokeApiKeyCommand;
import dev.messagefeedback.application.port.in.RevokeApiKeyUseCase;
import dev.messagefeedback.application.port.in.RotateAuthTokenCommand;
import dev.messagefeedback.application.port.in.RotateAuthTokenUseCase;
import dev.messagefeedback.domain.AccountSid;
import dev.messagefeedback.domain.AccountStatus;
import dev.messagefeedback.domain.ApiKeySid;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * A rotated token, a revoked key and a suspended account stop working within the configured window
 * ({@code feedback.credentials.cache-window}, 2 s under test; 30 s by default), even while cached.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class CredentialWindowTest {

    final Duration window =
            ConfigProvider.getConfig().getValue("feedback.credentials.cache-window", Duration.class);

    @Inject
    RotateAuthTokenUseCase rotateAuthToken;

    @Inject
    RevokeApiKeyUseCase revokeApiKey;

    /** Polls until the credentials are refused; returns how long that took after the change. */
    Duration untilRefused(TestAccounts.Credentials credentials, String accountSid) throws InterruptedException {
        return untilRefused(credentials, accountSid, System.nanoTime());
    }

    Duration untilRefused(TestAccounts.Credentials credentials, String accountSid, long changedAt)
            throws InterruptedException {
        String path = Sids.feedbackPath(accountSid, Sids.sms());
        while (Api.form(credentials, "confirmed").post(path).statusCode() != 401) {
            assertTrue(System.nanoTime() - changedAt < window.multipliedBy(3).toNanos(), "still accepted long past the window");
            Thread.sleep(100);
        }
        return Duration.ofNanos(System.nanoTime() - changedAt);
    }

    void warmUp(TestAccounts.Credentials credentials, String accountSid) {
        assertEquals(201, Api.form(credentials, "confirmed").post(Sids.feedbackPath(accountSid, Sids.sms())).statusCode());
    }

    void assertWithinWindow(Duration took) {
        assertTrue(took.compareTo(window.plusMillis(500)) <= 0, "took " + took + " for a window of " + window);
    }

    @Test
    void aRotatedTokenStopsWithinTheWindowAndTheNewOneWorksAtOnce() throws InterruptedException {
        TestAccounts.Credentials old = TestAccounts.account();
        warmUp(old, old.accountSid());
        String token = rotateAuthToken.rotateAuthToken(new RotateAuthTokenCommand(new AccountSid(old.accountSid()))).authToken();
        TestAccounts.Credentials rotated = new TestAccounts.Credentials(old.username(), token, old.accountSid());
        long rotatedAt = System.nanoTime();
        while (Api.form(rotated, "confirmed").post(Sids.feedbackPath(old.accountSid(), Sids.sms())).statusCode() != 201) {
            Thread.sleep(100); // a cached entry is re-checked at most once a second
        }
        assertTrue(Duration.ofNanos(System.nanoTime() - rotatedAt).compareTo(Duration.ofMillis(1500)) < 0);
        assertWithinWindow(untilRefused(old, old.accountSid()));
    }

    @Test
    void aRevokedKeyStopsWithinTheWindow() throws InterruptedException {
        TestAccounts.Credentials account = TestAccounts.account();
        TestAccounts.Credentials key = TestAccounts.apiKeyOf(account);
        warmUp(key, account.accountSid());
        revokeApiKey.revokeApiKey(new RevokeApiKeyCommand(new ApiKeySid(key.username())));
        assertWithinWindow(untilRefused(key, account.accountSid()));
    }

    @Test
    void aSuspendedAccountStopsWithinTheWindowAndSoDoItsSubaccounts() throws InterruptedException {
        TestAccounts.Credentials account = TestAccounts.account();
        TestAccounts.Credentials child = TestAccounts.subaccountOf(account);
        warmUp(account, account.accountSid());
        warmUp(child, child.accountSid());
        long suspendedAt = System.nanoTime();
        TestAccounts.changeStatus(account, AccountStatus.SUSPENDED);
        assertWithinWindow(untilRefused(account, account.accountSid(), suspendedAt));
        assertWithinWindow(untilRefused(child, child.accountSid(), suspendedAt));
        TestAccounts.changeStatus(account, AccountStatus.ACTIVE);
        Thread.sleep(window.plusMillis(200).toMillis());
        warmUp(account, account.accountSid());
    }
}
