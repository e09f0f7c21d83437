package dev.messagefeedback.testfixtures;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.messagefeedback.application.port.out.AccountStore;
import dev.messagefeedback.application.port.out.CredentialStore;
import dev.messagefeedback.application.port.out.StoredAccount;
import dev.messagefeedback.application.port.out.StoredApiKey;
import dev.messagefeedback.domain.AccountSid;
import dev.messagefeedback.domain.AccountStatus;
import dev.messagefeedback.domain.ApiKeySid;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * What every {@link CredentialStore} promises about the accounts and keys its {@link AccountStore} holds:
 * they are answered as stored, an unknown SID is empty, and a caller that asks for a copy no older than
 * a given age gets one (a change made in the account store before is seen). Accounts are written only
 * through the account store. Run against the in-memory store (test-fixtures' tests), the cache in front
 * of an account store (persistence's tests) and PostgreSQL (bootstrap).
 */
public abstract class CredentialStoreContract {

    /** Where accounts and keys are written. */
    protected abstract AccountStore accounts();

    /** The credentials read from them. */
    protected abstract CredentialStore credentials();

    /** Runs {@code work} in a transaction of its own where the account store has transactions. */
    protected <T> T inTransaction(Supplier<T> work) {
        return work.get();
    }

    protected final Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

    @Test
    public void aStoredAccountAndItsKeyAreAnsweredAsStored() throws Exception {
        StoredAccount account = AccountStoreContract.account(now);
        StoredApiKey key = AccountStoreContract.apiKey(account, now);
        insert(account, key);
        assertEquals(Optional.of(account), answer(credentials().findAccount(account.account().sid(), CredentialStore.ANY_AGE)));
        assertEquals(Optional.of(key), answer(credentials().findApiKey(key.apiKey().sid(), CredentialStore.ANY_AGE)));
    }

    @Test
    public void anUnknownSidIsEmpty() throws Exception {
        assertEquals(Optional.empty(), answer(credentials().findAccount(
                new AccountSid("AC" + AccountStoreContract.hex32()), CredentialStore.ANY_AGE)));
        assertEquals(Optional.empty(), answer(credentials().findApiKey(
                new ApiKeySid("SK" + AccountStoreContract.hex32()), CredentialStore.ANY_AGE)));
    }

    /** Whatever a store keeps in memory, a caller that needs a copy no older than now gets the stored state. */
    @Test
    public void aCallerThatAsksForAFreshCopySeesTheLatestChange() throws Exception {
        StoredAccount account = AccountStoreContract.account(now);
        StoredApiKey key = AccountStoreContract.apiKey(account, now);
        insert(account, key);
        AccountSid sid = account.account().sid();
        ApiKeySid keySid = key.apiKey().sid();
        answer(credentials().findAccount(sid, CredentialStore.ANY_AGE)); // may now be held in memory
        answer(credentials().findApiKey(keySid, CredentialStore.ANY_AGE));

        StoredAccount suspended = new StoredAccount(
                account.account().changeStatus(AccountStatus.SUSPENDED, now.plusSeconds(1)), account.authTokenDigest());
        StoredApiKey revoked = new StoredApiKey(key.apiKey().revoke(now.plusSeconds(1)), key.secretDigest());
        inTransaction(() -> {
            accounts().update(suspended);
            accounts().update(revoked);
            return null;
        });

        assertEquals(Optional.of(suspended), answer(credentials().findAccount(sid, Duration.ZERO)));
        assertEquals(Optional.of(revoked), answer(credentials().findApiKey(keySid, Duration.ZERO)));
    }

    private void insert(StoredAccount account, StoredApiKey key) {
        inTransaction(() -> {
            accounts().insert(account);
            accounts().insert(key);
            return null;
        });
    }

    private static <T> T answer(CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
