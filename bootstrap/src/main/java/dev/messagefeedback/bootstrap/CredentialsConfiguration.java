package dev.messagefeedback.bootstrap;

import dev.messagefeedback.adapter.rest.GroupCommitSettings;
import dev.messagefeedback.adapter.rest.RateLimit;
import dev.messagefeedback.application.service.CredentialCachePolicy;
import dev.messagefeedback.application.service.SecretDigester;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The settings of credentials, rate limits and group commit, turned into the value objects of the layers
 * that use them.
 */
class CredentialsConfiguration {

    @Produces
    @Singleton
    SecretDigester secretDigester(FeedbackConfig config) {
        return new SecretDigester(config.credentials().digestKey());
    }

    @Produces
    @Singleton
    RateLimit rateLimit(FeedbackConfig config) {
        return new RateLimit(config.rateLimit().requestsPerSecond(), config.rateLimit().burst());
    }

    @Produces
    @Singleton
    GroupCommitSettings groupCommitSettings(FeedbackConfig config) {
        return new GroupCommitSettings(config.store().writers(), config.store().maxBatch());
    }

    @Produces
    @Singleton
    CredentialCachePolicy credentialCachePolicy(FeedbackConfig config) {
        return new CredentialCachePolicy(config.credentials().cacheWindow(), config.credentials().cacheMaxEntries());
    }
}
