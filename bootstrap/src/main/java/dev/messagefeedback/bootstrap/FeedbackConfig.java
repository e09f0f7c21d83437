package dev.messagefeedback.bootstrap;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The service's own settings, under {@code feedback.} (environment: {@code FEEDBACK_...}). */
@ConfigMapping(prefix = "feedback")
interface FeedbackConfig {

    Credentials credentials();

    DemoAccount demoAccount();

    RateLimit rateLimit();

    Store store();

    /** How concurrent POSTs share commits (README, "Group commit"). */
    interface Store {

        /**
         * Batches in flight at most per replica. One is fastest when the database shares a small machine
         * (BENCHMARKS.md); more can help a database with cores to spare.
         */
        @WithDefault("1")
        int writers();

        /** POSTs per statement and commit at most. */
        @WithDefault("128")
        int maxBatch();
    }

    /** Per account and per replica; off unless {@code requests-per-second} is above zero. */
    interface RateLimit {

        @WithDefault("0")
        double requestsPerSecond();

        /** Requests allowed at once before the rate applies; at least one. */
        @WithDefault("20")
        int burst();
    }

    interface Credentials {

        /**
         * The server-side HMAC key under which auth tokens and key secrets are digested (at least 32
         * characters). Changing it invalidates every stored credential. Required: there is no default.
         */
        String digestKey();

        /** How long credentials are served from memory: the longest a rotation, revocation or suspension takes to land. */
        @WithDefault("30s")
        Duration cacheWindow();

        @WithDefault("100000")
        int cacheMaxEntries();
    }

    interface DemoAccount {

        /** Local runs only: provision the README's demo account. The local runner turns it on. */
        @WithDefault("false")
        boolean enabled();
    }
}
