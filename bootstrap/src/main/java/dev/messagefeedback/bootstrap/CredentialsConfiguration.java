package dev.messagefeedback.bootstrap;

import dev.messagefeedback.application.service.CredentialCachePolicy;
import dev.messagefeedback.application.service.SecretDigester;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The credential settings, turned into the application's value objects. */
class CredentialsConfiguration {

    @Produces
    @Singleton
    SecretDigester secretDigester(FeedbackConfig config) {
        return new SecretDigester(config.credentials().digestKey());
    }

    @Produces
    @Singleton
    CredentialCachePolicy credentialCachePolicy(FeedbackConfig config) {
        return new CredentialCachePolicy(config.credentials().cacheWindow(), config.credentials().cacheMaxEntries());
    }
}
