package dev.messagefeedback.adapter.persistence;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.messagefeedback.application.port.out.AccountStore;
import dev.messagefeedback.application.port.out.CredentialStore;
import dev.messagefeedback.application.port.out.StoreUnavailableException;
import dev.messagefeedback.application.port.out.StoredAccount;
import dev.messagefeedback.application.port.out.StoredApiKey;
import dev.messagefeedback.domain.AccountSid;
import dev.messagefeedback.domain.ApiKeySid;
import io.github.bucket4j.Bucket;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The credential port as a cache in front of the account store: in the steady state a request's
 * credentials cost no database round trip, and a flood of unknown ones cannot take the database or the
 * threads that known callers need.
 *
 * <ul>
 *   <li>Found and not-found answers are both kept for the window (a negative cache: an unknown SID costs
 *       at most one look-up per window), in a bounded Caffeine cache whose eviction favours entries in
 *       use, so a flood of new SIDs does not push out the known ones.
 *   <li>Entries in use are re-read in the background during the second half of their window, on a thread
 *       of their own: a known caller never waits for its credentials to be read again.
 *   <li>Everything else that must be read (a SID not in memory, or a copy too old for the caller, as
 *       when a presented secret does not match) takes a token from a per-replica budget and runs on a few
 *       threads of its own; past the budget the answer is {@link StoreUnavailableException} at once (the
 *       client retries), never a queue that grows.
 * </ul>
 */
@ApplicationScoped
class CachedCredentialStore implements CredentialStore {

    private final AccountStore accounts;
    private final CredentialCacheSettings settings;
    private final Bucket budget;
    private final ExecutorService lookups;
    private final ExecutorService refreshes;
    private final AsyncLoadingCache<AccountSid, Optional<StoredAccount>> accountCache;
    private final AsyncLoadingCache<ApiKeySid, Optional<StoredApiKey>> apiKeyCache;
    private final Counter refused;
    private final Ticker ticker;
    private final Reads reads;

    /** How a read of the account store runs: in a transaction of its own, in the service. */
    @FunctionalInterface
    interface Reads {
        <V> V run(java.util.function.Supplier<V> read);
    }

    @jakarta.inject.Inject
    CachedCredentialStore(AccountStore accounts, CredentialCacheSettings settings, MeterRegistry registry) {
        this(accounts, settings, registry, Ticker.systemTicker(), CachedCredentialStore::inTransaction);
    }

    /** With the cache's clock and the way a read is wrapped given: for tests without a container. */
    CachedCredentialStore(AccountStore accounts, CredentialCacheSettings settings, MeterRegistry registry, Ticker ticker,
            Reads reads) {
        this.ticker = ticker;
        this.reads = reads;
        this.accounts = accounts;
        this.settings = settings;
        // A Bucket4j token bucket, as the REST adapter's rate limit uses: lookupBurst at once, lookupsPerSecond sustained.
        this.budget = Bucket.builder().addLimit(limit -> limit.capacity(Math.max(1, settings.lookupBurst()))
                .refillGreedy(1, Duration.ofNanos(Math.max(1, Math.round(1e9 / settings.lookupsPerSecond()))))).build();
        this.lookups = new ThreadPoolExecutor(settings.lookupThreads(), settings.lookupThreads(), 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(settings.lookupBurst()), daemon("credential-lookup"));
        this.refreshes = Executors.newSingleThreadExecutor(daemon("credential-refresh"));
        this.accountCache = cache(sid -> read(() -> accounts.find(sid)));
        this.apiKeyCache = cache(sid -> read(() -> accounts.find(sid)));
        this.refused = Counter.builder("feedback.credentials.lookups.refused")
                .description("Credential look-ups refused because the per-replica budget was spent")
                .register(registry);
    }

    @Override
    public CompletionStage<Optional<StoredAccount>> findAccount(AccountSid sid, Duration maxAge) {
        return find(accountCache, sid, maxAge, key -> read(() -> accounts.find(key)));
    }

    @Override
    public CompletionStage<Optional<StoredApiKey>> findApiKey(ApiKeySid sid, Duration maxAge) {
        return find(apiKeyCache, sid, maxAge, key -> read(() -> accounts.find(key)));
    }

    @PreDestroy
    void stop() {
        lookups.shutdownNow();
        refreshes.shutdownNow();
    }

    private <K, V> AsyncLoadingCache<K, Optional<V>> cache(Function<K, Optional<V>> load) {
        // The loader serves background refreshes only; misses go through the budget (find).
        return Caffeine.newBuilder()
                .maximumSize(settings.maxEntries())
                .expireAfterWrite(settings.window())
                .refreshAfterWrite(settings.window().dividedBy(2))
                .executor(refreshes)
                .ticker(ticker)
                .buildAsync(key -> load.apply(key));
    }

    private <K, V> CompletableFuture<Optional<V>> find(AsyncLoadingCache<K, Optional<V>> cache, K key,
            Duration maxAge, Function<K, Optional<V>> load) {
        CompletableFuture<Optional<V>> present = cache.getIfPresent(key);
        if (present != null && present.isCompletedExceptionally()) {
            // A failed read (Caffeine drops it, but not necessarily before the next caller looks): read again.
            cache.asMap().remove(key, present);
            present = null;
        }
        if (present == null) {
            return cache.get(key, (missing, executor) -> budgeted(() -> load.apply(missing)));
        }
        if (!present.isDone() || youngerThan(cache, key, maxAge)) {
            return present;
        }
        // Too old for this caller: read it again, once, however many callers ask at the same time.
        CompletableFuture<Optional<V>> fresh = new CompletableFuture<>();
        if (!cache.asMap().replace(key, present, fresh)) {
            CompletableFuture<Optional<V>> current = cache.getIfPresent(key);
            return current != null ? current : find(cache, key, maxAge, load);
        }
        budgeted(() -> load.apply(key)).whenComplete((value, failure) -> {
            if (failure == null) {
                fresh.complete(value);
            } else {
                fresh.completeExceptionally(failure); // Caffeine drops a failed entry: the next caller reads again
            }
        });
        return fresh;
    }

    private static <K, V> boolean youngerThan(AsyncLoadingCache<K, V> cache, K key, Duration maxAge) {
        if (maxAge.compareTo(CredentialStore.ANY_AGE) >= 0) {
            return true;
        }
        OptionalLong ageMillis = cache.synchronous().policy().expireAfterWrite()
                .map(expiry -> expiry.ageOf(key, TimeUnit.MILLISECONDS))
                .orElse(OptionalLong.empty());
        return ageMillis.isPresent() && ageMillis.getAsLong() < maxAge.toMillis();
    }

    private <V> CompletableFuture<V> budgeted(java.util.function.Supplier<V> read) {
        if (!budget.tryConsume(1)) {
            refused.increment();
            return CompletableFuture.failedFuture(overBudget());
        }
        try {
            return CompletableFuture.supplyAsync(read, lookups);
        } catch (RejectedExecutionException busy) {
            refused.increment();
            return CompletableFuture.failedFuture(overBudget());
        }
    }

    private static StoreUnavailableException overBudget() {
        return new StoreUnavailableException("too many credential look-ups at once on this replica");
    }

    private static <V> V inTransaction(java.util.function.Supplier<V> read) {
        return QuarkusTransaction.joiningExisting().call(read::get);
    }

    /** A read of the account store, its failures as the port declares them. */
    private <V> V read(java.util.function.Supplier<V> read) {
        try {
            return reads.run(read);
        } catch (RuntimeException failure) {
            if (SqlFailures.isUnavailable(failure)) {
                throw new StoreUnavailableException("credentials could not be read: the database is unavailable", failure);
            }
            throw failure;
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
