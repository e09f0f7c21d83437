package dev.messagefeedback.adapter.persistence;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.messagefeedback.application.port.out.AccountStore;
import dev.messagefeedback.application.port.out.CredentialStore;
import dev.messagefeedback.testfixtures.CredentialStoreContract;
import dev.messagefeedback.testfixtures.InMemoryAccountStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;

/**
 * The credential port's contract against the cache in front of an account store, here an in-memory one
 * (bootstrap runs the same suite on the whole PostgreSQL stack): whatever it keeps in memory, the cache
 * answers as the port promises.
 */
class CachedCredentialStoreContractTest extends CredentialStoreContract {

    private final InMemoryAccountStore accounts = new InMemoryAccountStore();
    private final CachedCredentialStore credentials = new CachedCredentialStore(accounts,
            new CredentialCacheSettings(Duration.ofMinutes(1), 1000, 100, 10, 2), new SimpleMeterRegistry(),
            Ticker.systemTicker(), new CachedCredentialStore.Reads() {
                @Override
                public <V> V run(Supplier<V> read) {
                    return read.get();
                }
            });

    @AfterEach
    void stop() {
        credentials.stop();
    }

    @Override
    protected AccountStore accounts() {
        return accounts;
    }

    @Override
    protected CredentialStore credentials() {
        return credentials;
    }
}
