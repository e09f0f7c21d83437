package dev.messagefeedback.application.service;

import dev.messagefeedback.application.port.in.AccessDecision;
import dev.messagefeedback.application.port.in.AuthorizeCallerCommand;
import dev.messagefeedback.application.port.in.AuthorizeCallerUseCase;
import dev.messagefeedback.application.port.out.AccountStore;
import dev.messagefeedback.application.port.out.SecretDigest;
import dev.messagefeedback.application.port.out.StoredAccount;
import dev.messagefeedback.application.port.out.StoredApiKey;
import dev.messagefeedback.domain.Account;
import dev.messagefeedback.domain.AccountSid;
import dev.messagefeedback.domain.ApiKeySid;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * HTTP Basic as Twilio does it: {@code AccountSid:AuthToken} or {@code ApiKeySid:ApiKeySecret}, acting
 * on the credentials' own account or its subaccounts (SPEC §4).
 *
 * <p>Lookups, found or not, are cached for the policy's window: in the steady state a request costs one
 * HMAC and no database round trip. A secret that does not match a cached entry older than a second is
 * checked once more against the store, so a freshly rotated token works at once, while wrong guesses
 * cost at most one lookup a second per SID.
 */
@ApplicationScoped
public class AuthorizationService implements AuthorizeCallerUseCase {

    private static final long RECHECK_AFTER_MILLIS = 1_000;

    /** Thrown, without a stack trace, when a decision from the cache alone is not possible. */
    private static final class LookupNeeded extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private static final LookupNeeded INSTANCE = new LookupNeeded();

        private LookupNeeded() {
            super(null, null, false, false);
        }
    }

    private final AccountStore store;
    private final SecretDigester digester;
    private final ExpiringCache<AccountSid, Optional<StoredAccount>> accounts;
    private final ExpiringCache<ApiKeySid, Optional<StoredApiKey>> apiKeys;

    @Inject
    public AuthorizationService(AccountStore store, SecretDigester digester, CredentialCachePolicy policy,
            Clock clock) {
        this.store = store;
        this.digester = digester;
        this.accounts = new ExpiringCache<>(policy, clock);
        this.apiKeys = new ExpiringCache<>(policy, clock);
    }

    @Override
    public Optional<AccessDecision> authorizeFromCache(AuthorizeCallerCommand command) {
        try {
            return Optional.of(decide(command, false));
        } catch (LookupNeeded lookupNeeded) {
            return Optional.empty();
        }
    }

    @Override
    @Transactional
    public AccessDecision authorize(AuthorizeCallerCommand command) {
        return decide(command, true);
    }

    private AccessDecision decide(AuthorizeCallerCommand command, boolean mayLookUp) {
        Optional<Account> owner = credentialOwner(command.username(), digester.digest(command.secret()), mayLookUp);
        if (owner.isEmpty() || !owner.get().inGoodStanding(parentOf(owner.get(), mayLookUp))) {
            return AccessDecision.DENIED;
        }
        if (command.target().isEmpty()) {
            return AccessDecision.GRANTED; // a path that names no account: the credentials alone decide
        }
        AccountSid targetSid = command.target().get();
        Optional<Account> target = targetSid.equals(owner.get().sid())
                ? owner
                : account(targetSid, mayLookUp).map(StoredAccount::account);
        return target.isPresent() && owner.get().mayActOn(target.get()) ? AccessDecision.GRANTED : AccessDecision.DENIED;
    }

    private Optional<Account> credentialOwner(String username, SecretDigest presented, boolean mayLookUp) {
        if (AccountSid.isWellFormed(username)) {
            AccountSid sid = new AccountSid(username);
            Optional<StoredAccount> stored = account(sid, mayLookUp);
            if (!matches(stored.map(StoredAccount::authTokenDigest), presented)) {
                stored = recheck(accounts, sid, () -> store.find(sid), mayLookUp);
            }
            return matches(stored.map(StoredAccount::authTokenDigest), presented)
                    ? stored.map(StoredAccount::account) : Optional.empty();
        }
        if (ApiKeySid.isWellFormed(username)) {
            ApiKeySid sid = new ApiKeySid(username);
            Optional<StoredApiKey> stored = cached(apiKeys, sid, () -> store.find(sid), mayLookUp);
            if (!matches(stored.map(StoredApiKey::secretDigest), presented)) {
                stored = recheck(apiKeys, sid, () -> store.find(sid), mayLookUp);
            }
            if (!matches(stored.map(StoredApiKey::secretDigest), presented) || stored.get().apiKey().isRevoked()) {
                return Optional.empty();
            }
            return account(stored.get().apiKey().accountSid(), mayLookUp).map(StoredAccount::account);
        }
        return Optional.empty();
    }

    private Optional<Account> parentOf(Account account, boolean mayLookUp) {
        return account.parent().flatMap(parent -> account(parent, mayLookUp)).map(StoredAccount::account);
    }

    private Optional<StoredAccount> account(AccountSid sid, boolean mayLookUp) {
        return cached(accounts, sid, () -> store.find(sid), mayLookUp);
    }

    private static boolean matches(Optional<SecretDigest> stored, SecretDigest presented) {
        return stored.isPresent() && stored.get().matches(presented);
    }

    private static <K, V> Optional<V> cached(ExpiringCache<K, Optional<V>> cache, K key, Supplier<Optional<V>> load,
            boolean mayLookUp) {
        return lookUp(cache, key, load, mayLookUp, Long.MAX_VALUE);
    }

    /** As {@link #cached}, but an entry older than {@link #RECHECK_AFTER_MILLIS} is read again. */
    private static <K, V> Optional<V> recheck(ExpiringCache<K, Optional<V>> cache, K key, Supplier<Optional<V>> load,
            boolean mayLookUp) {
        return lookUp(cache, key, load, mayLookUp, RECHECK_AFTER_MILLIS);
    }

    private static <K, V> Optional<V> lookUp(ExpiringCache<K, Optional<V>> cache, K key, Supplier<Optional<V>> load,
            boolean mayLookUp, long maxAgeMillis) {
        Optional<ExpiringCache.Entry<Optional<V>>> entry = cache.fresh(key);
        if (entry.isPresent() && cache.ageMillis(entry.get()) < maxAgeMillis) {
            return entry.get().value();
        }
        if (!mayLookUp) {
            throw LookupNeeded.INSTANCE;
        }
        return cache.put(key, load.get());
    }
}
