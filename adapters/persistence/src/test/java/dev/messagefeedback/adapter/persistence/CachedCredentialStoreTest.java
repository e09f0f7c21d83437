package dev.messagefeedback.adapter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.messagefeedback.application.port.out.AccountStore;
import dev.messagefeedback.application.port.out.CredentialStore;
import dev.messagefeedback.application.port.out.SecretDigest;
import dev.messagefeedback.application.port.out.StoreUnavailableException;
import dev.messagefeedback.application.port.out.StoredAccount;
import dev.messagefeedback.application.port.out.StoredApiKey;
import dev.messagefeedback.domain.Account;
import dev.messagefeedback.domain.AccountSid;
import dev.messagefeedback.domain.ApiKey;
import dev.messagefeedback.domain.ApiKeySid;
import dev.messagefeedback.domain.FriendlyName;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CachedCredentialStoreTest {

    static final Duration WINDOW = Duration.ofSeconds(30);

    final CountingAccounts accounts = new CountingAccounts();
    final AtomicLong nanos = new AtomicLong(1);

    CachedCredentialStore store(double lookupsPerSecond, int burst) {
        return new CachedCredentialStore(accounts, new CredentialCacheSettings(WINDOW, 1000, lookupsPerSecond, burst, 2),
                new SimpleMeterRegistry(), nanos::get, new CachedCredentialStore.Reads() {
                    @Override
                    public <V> V run(java.util.function.Supplier<V> read) {
                        return read.get();
                    }
                });
    }

    Optional<StoredAccount> find(CachedCredentialStore store, AccountSid sid, Duration maxAge) throws Exception {
        return store.findAccount(sid, maxAge).toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    void advance(Duration by) {
        nanos.addAndGet(by.toNanos());
    }

    @Test
    void theSteadyStateIsAnsweredFromMemoryAlreadyComplete() throws Exception {
        CachedCredentialStore store = store(100, 10);
        AccountSid sid = accounts.open();
        assertTrue(find(store, sid, CredentialStore.ANY_AGE).isPresent());
        for (int i = 0; i < 100; i++) {
            assertTrue(store.findAccount(sid, CredentialStore.ANY_AGE).toCompletableFuture().isDone(), "no waiting");
        }
        assertEquals(1, accounts.lookups.get(), "one look-up, then memory");
    }

    @Test
    void anUnknownSidCostsOneLookUpPerWindow() throws Exception {
        CachedCredentialStore store = store(100, 10);
        AccountSid unknown = new AccountSid("AC" + "7".repeat(32));
        for (int i = 0; i < 50; i++) {
            assertEquals(Optional.empty(), find(store, unknown, CredentialStore.ANY_AGE));
        }
        assertEquals(1, accounts.lookups.get());
        advance(WINDOW.plusSeconds(1));
        find(store, unknown, CredentialStore.ANY_AGE);
        assertEquals(2, accounts.lookups.get(), "read again once the window passed");
    }

    @Test
    void aCopyOlderThanTheCallerAcceptsIsReadAgainOnceAndAYoungerOneIsNot() throws Exception {
        CachedCredentialStore store = store(100, 10);
        AccountSid sid = accounts.open();
        find(store, sid, CredentialStore.ANY_AGE);
        find(store, sid, Duration.ofSeconds(1));
        assertEquals(1, accounts.lookups.get(), "younger than a second: no re-read");
        advance(Duration.ofSeconds(2));
        find(store, sid, Duration.ofSeconds(1));
        find(store, sid, Duration.ofSeconds(1));
        assertEquals(2, accounts.lookups.get(), "older: read again, once");
    }

    @Test
    void lookUpsPastTheBudgetAreRefusedAtOnceAndKnownCallersAreNotAffected() throws Exception {
        CachedCredentialStore store = store(0.001, 3);
        AccountSid known = accounts.open();
        find(store, known, CredentialStore.ANY_AGE);
        int refused = 0;
        for (int i = 0; i < 20; i++) {
            AccountSid stranger = new AccountSid(String.format("AC%032d", i));
            try {
                find(store, stranger, CredentialStore.ANY_AGE);
            } catch (ExecutionException failure) {
                assertTrue(failure.getCause() instanceof StoreUnavailableException, failure.getCause().toString());
                refused++;
            }
        }
        assertEquals(18, refused, "a burst of 3: the known one and two strangers");
        assertEquals(3, accounts.lookups.get(), "refused look-ups never reach the store");
        assertTrue(find(store, known, CredentialStore.ANY_AGE).isPresent(), "the known caller is still answered");
        ExecutionException again = assertThrows(ExecutionException.class,
                () -> find(store, new AccountSid(String.format("AC%032d", 19)), CredentialStore.ANY_AGE));
        assertTrue(again.getCause() instanceof StoreUnavailableException, "a refusal is not remembered as 'unknown'");
    }

    @Test
    void anUnavailableDatabaseIsThePortsFailureAndIsNotRemembered() throws Exception {
        CachedCredentialStore store = store(100, 10);
        AccountSid sid = accounts.open();
        accounts.down = true;
        ExecutionException failure = assertThrows(ExecutionException.class, () -> find(store, sid, CredentialStore.ANY_AGE));
        assertTrue(failure.getCause() instanceof StoreUnavailableException, failure.getCause().toString());
        accounts.down = false;
        assertTrue(find(store, sid, CredentialStore.ANY_AGE).isPresent(), "answered once the database is back");
    }

    /** The account store, counting its reads, and able to fail as a database that is down. */
    static final class CountingAccounts implements AccountStore {
        final Map<AccountSid, StoredAccount> accounts = new ConcurrentHashMap<>();
        final AtomicInteger lookups = new AtomicInteger();
        volatile boolean down;
        private int next;

        AccountSid open() {
            AccountSid sid = new AccountSid(String.format("AC%032x", ++next + 1000));
            accounts.put(sid, new StoredAccount(Account.open(sid, new FriendlyName("a"), Instant.EPOCH),
                    new SecretDigest(new byte[32])));
            return sid;
        }

        @Override
        public Optional<StoredAccount> find(AccountSid sid) {
            if (down) {
                throw new IllegalStateException(new java.sql.SQLException("connection refused", "08001"));
            }
            lookups.incrementAndGet();
            return Optional.ofNullable(accounts.get(sid));
        }

        @Override
        public Optional<StoredApiKey> find(ApiKeySid sid) {
            lookups.incrementAndGet();
            return Optional.empty();
        }

        @Override
        public void insert(StoredAccount account) {
            throw new UnsupportedOperationException("read only");
        }

        @Override
        public Optional<StoredAccount> findForUpdate(AccountSid sid) {
            return find(sid);
        }

        @Override
        public void update(StoredAccount account) {
            throw new UnsupportedOperationException("read only");
        }

        @Override
        public List<Account> list() {
            return List.copyOf(accounts.values().stream().map(StoredAccount::account).toList());
        }

        @Override
        public void insert(StoredApiKey apiKey) {
            throw new UnsupportedOperationException("read only");
        }

        @Override
        public void update(StoredApiKey apiKey) {
            throw new UnsupportedOperationException("read only");
        }

        @Override
        public List<ApiKey> listApiKeys(AccountSid owner) {
            return List.of();
        }

        @Override
        public List<Account> listSubaccounts(AccountSid parent) {
            return List.of();
        }
    }
}
