package dev.messagefeedback.testfixtures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.messagefeedback.application.port.out.AccountStore;
import dev.messagefeedback.application.port.out.SecretDigest;
import dev.messagefeedback.application.port.out.StoredAccount;
import dev.messagefeedback.application.port.out.StoredApiKey;
import dev.messagefeedback.domain.Account;
import dev.messagefeedback.domain.AccountSid;
import dev.messagefeedback.domain.AccountStatus;
import dev.messagefeedback.domain.ApiKey;
import dev.messagefeedback.domain.ApiKeySid;
import dev.messagefeedback.domain.FriendlyName;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AccountStore} promises, whatever keeps the accounts: run against the in-memory fake
 * (application tests) and against PostgreSQL (a {@code @QuarkusTest} subclass in bootstrap).
 *
 * <p>Callers own the transaction, so every call here goes through {@link #inTransaction}. The store may
 * hold other accounts (a shared database), so lists are checked for the accounts a test made. What the
 * fake cannot show is left out: that {@link AccountStore#findForUpdate} holds the row until the
 * transaction ends (the fake has no transactions). Instants are truncated to the microsecond.
 */
public abstract class AccountStoreContract {

    protected abstract AccountStore store();

    /** Runs {@code work} in a transaction of its own where the store has transactions; the fake has none. */
    protected <T> T inTransaction(Supplier<T> work) {
        return work.get();
    }

    protected final Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

    @Test
    public void anInsertedAccountIsFoundWithItsDigest() {
        StoredAccount parent = account(now);
        StoredAccount sub = subaccount(parent, now.plusSeconds(1));
        insert(parent);
        insert(sub);
        AccountSid parentSid = parent.account().sid();
        assertEquals(Optional.of(parent), inTransaction(() -> store().find(parentSid)));
        assertEquals(Optional.of(sub), inTransaction(() -> store().find(sub.account().sid())), "with its parent");
        assertEquals(Optional.of(parent), inTransaction(() -> store().findForUpdate(parentSid)));
    }

    @Test
    public void anUnknownSidIsEmpty() {
        assertEquals(Optional.empty(), inTransaction(() -> store().find(new AccountSid("AC" + hex32()))));
        assertEquals(Optional.empty(), inTransaction(() -> store().findForUpdate(new AccountSid("AC" + hex32()))));
        assertEquals(Optional.empty(), inTransaction(() -> store().find(new ApiKeySid("SK" + hex32()))));
    }

    @Test
    public void aSidIsInsertedOnce() {
        StoredAccount first = account(now);
        insert(first);
        StoredAccount again = new StoredAccount(new Account(first.account().sid(), new FriendlyName("again"),
                AccountStatus.ACTIVE, Optional.empty(), now.plusSeconds(1), now.plusSeconds(1)), digest());
        assertThrows(RuntimeException.class, () -> insert(again));
        assertEquals(Optional.of(first), inTransaction(() -> store().find(first.account().sid())));

        StoredApiKey key = apiKey(first, now);
        insert(key);
        StoredApiKey keyAgain = new StoredApiKey(new ApiKey(key.apiKey().sid(), first.account().sid(),
                new FriendlyName("again"), now.plusSeconds(1), Optional.empty()), digest());
        assertThrows(RuntimeException.class, () -> insert(keyAgain));
        assertEquals(Optional.of(key), inTransaction(() -> store().find(key.apiKey().sid())));
    }

    @Test
    public void aSubaccountOrKeyNeedsAStoredAccount() {
        StoredAccount unstored = account(now);
        assertThrows(RuntimeException.class, () -> insert(subaccount(unstored, now)));
        assertThrows(RuntimeException.class, () -> insert(apiKey(unstored, now)));
    }

    @Test
    public void updateReplacesTheStoredAccount() {
        StoredAccount stored = account(now);
        insert(stored);
        StoredAccount changed = new StoredAccount(
                stored.account().changeStatus(AccountStatus.SUSPENDED, now.plusSeconds(3)), digest());
        inTransaction(() -> {
            store().findForUpdate(stored.account().sid());
            store().update(changed);
            return null;
        });
        assertEquals(Optional.of(changed), inTransaction(() -> store().find(stored.account().sid())));
    }

    @Test
    public void updateOfAnUnknownAccountOrKeyFails() {
        StoredAccount unstored = account(now);
        assertThrows(RuntimeException.class, () -> inTransaction(() -> {
            store().update(unstored);
            return null;
        }));
        assertEquals(Optional.empty(), inTransaction(() -> store().find(unstored.account().sid())));
        StoredAccount owner = account(now);
        insert(owner);
        StoredApiKey unstoredKey = apiKey(owner, now);
        assertThrows(RuntimeException.class, () -> inTransaction(() -> {
            store().update(unstoredKey);
            return null;
        }));
        assertEquals(Optional.empty(), inTransaction(() -> store().find(unstoredKey.apiKey().sid())));
    }

    /** Top-level accounts oldest first, then subaccounts oldest first: every parent comes before its subaccounts. */
    @Test
    public void listPutsParentsBeforeTheirSubaccountsOldestFirst() {
        StoredAccount older = account(now.minusSeconds(30));
        StoredAccount olderSub = subaccount(older, now.minusSeconds(20));
        StoredAccount newer = account(now.minusSeconds(10));
        StoredAccount newerSub = subaccount(newer, now.minusSeconds(5));
        StoredAccount newestSubOfOlder = subaccount(older, now);
        for (StoredAccount each : List.of(older, newer, olderSub, newestSubOfOlder, newerSub)) {
            insert(each);
        }
        Set<AccountSid> ours = Set.of(older.account().sid(), olderSub.account().sid(), newer.account().sid(),
                newerSub.account().sid(), newestSubOfOlder.account().sid());
        List<Account> listed = inTransaction(() -> store().list()).stream()
                .filter(account -> ours.contains(account.sid()))
                .toList();
        assertEquals(List.of(older.account(), newer.account(), olderSub.account(), newerSub.account(),
                newestSubOfOlder.account()), listed);
    }

    @Test
    public void anApiKeyIsFoundUpdatedAndListedWithItsAccount() {
        StoredAccount owner = account(now);
        StoredAccount someoneElse = account(now);
        insert(owner);
        insert(someoneElse);
        StoredApiKey newer = apiKey(owner, now.plusSeconds(2));
        StoredApiKey older = apiKey(owner, now.plusSeconds(1));
        StoredApiKey notOurs = apiKey(someoneElse, now);
        insert(newer);
        insert(older);
        insert(notOurs);
        assertEquals(Optional.of(newer), inTransaction(() -> store().find(newer.apiKey().sid())));

        StoredApiKey revoked = new StoredApiKey(older.apiKey().revoke(now.plusSeconds(3)), older.secretDigest());
        inTransaction(() -> {
            store().update(revoked);
            return null;
        });
        assertEquals(Optional.of(revoked), inTransaction(() -> store().find(older.apiKey().sid())));
        assertTrue(revoked.apiKey().isRevoked());

        AccountSid ownerSid = owner.account().sid();
        assertEquals(List.of(revoked.apiKey(), newer.apiKey()), inTransaction(() -> store().listApiKeys(ownerSid)),
                "oldest first, revoked ones included, only the owner's");
        AccountSid nobody = new AccountSid("AC" + hex32());
        assertEquals(List.of(), inTransaction(() -> store().listApiKeys(nobody)));
    }

    private void insert(StoredAccount account) {
        inTransaction(() -> {
            store().insert(account);
            return null;
        });
    }

    private void insert(StoredApiKey apiKey) {
        inTransaction(() -> {
            store().insert(apiKey);
            return null;
        });
    }

    protected static StoredAccount account(Instant created) {
        return new StoredAccount(Account.open(new AccountSid("AC" + hex32()), new FriendlyName("contract test"), created),
                digest());
    }

    protected static StoredAccount subaccount(StoredAccount parent, Instant created) {
        return new StoredAccount(parent.account().openSubaccount(new AccountSid("AC" + hex32()),
                new FriendlyName("contract subaccount"), created), digest());
    }

    protected static StoredApiKey apiKey(StoredAccount owner, Instant created) {
        return new StoredApiKey(ApiKey.issue(new ApiKeySid("SK" + hex32()), owner.account(),
                new FriendlyName("contract key"), created), digest());
    }

    /** 32 random bytes: the length of the HMAC-SHA256 digests the service stores. */
    protected static SecretDigest digest() {
        byte[] bytes = new byte[32];
        ThreadLocalRandom.current().nextBytes(bytes);
        return new SecretDigest(bytes);
    }

    protected static String hex32() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return HexFormat.of().toHexDigits(random.nextLong()) + HexFormat.of().toHexDigits(random.nextLong());
    }
}
