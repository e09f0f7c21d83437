package dev.messagefeedback.bootstrap;

import dev.messagefeedback.adapter.persistence.CredentialCacheSettings;
import dev.messagefeedback.adapter.rest.RestSettings;
import dev.messagefeedback.application.service.GroupCommits;
import dev.messagefeedback.application.service.SecretDigester;
import dev.messagefeedback.application.service.WriteSettings;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The service's settings ({@link FeedbackConfig}) turned into the value objects that the layers using
 * them declare, one producer each; and the clock the application's services are given.
 */
class Wiring {

    /** Services read time from an injected {@link Clock} (tests pass fixed ones): here, the system's, in UTC. */
    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    SecretDigester secretDigester(FeedbackConfig config) {
        return new SecretDigester(config.credentials().digestKey());
    }

    @Produces
    @Singleton
    CredentialCacheSettings credentialCacheSettings(FeedbackConfig config) {
        FeedbackConfig.Credentials credentials = config.credentials();
        return new CredentialCacheSettings(credentials.cacheWindow(), credentials.cacheMaxEntries(),
                credentials.lookupsPerSecond(), credentials.lookupBurst(), credentials.lookupThreads());
    }

    @Produces
    @Singleton
    WriteSettings writeSettings(FeedbackConfig config) {
        FeedbackConfig.Write write = config.write();
        return new WriteSettings(write.writers(), write.maxBatch(), write.queueCapacity(), write.deadline());
    }

    /** The feedback writers' threads: created here, for the use cases that write in batches. */
    @Produces
    @Singleton
    GroupCommits writeBatcher(WriteSettings settings) {
        return new GroupCommits(settings);
    }

    /** ... and stopped here, at shutdown, after the HTTP server drained: queued batches still run first. */
    void stopWriters(@Disposes GroupCommits writers) {
        writers.close();
    }

    @Produces
    @Singleton
    RestSettings restSettings(FeedbackConfig config) {
        return new RestSettings(config.http().requestTimeLimit(), config.rateLimit().requestsPerSecond(), config.rateLimit().burst());
    }
}
