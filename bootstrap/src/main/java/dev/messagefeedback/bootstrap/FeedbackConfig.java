package dev.messagefeedback.bootstrap;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The service's own settings, under {@code feedback.} (environment: {@code FEEDBACK_...}); docs/configuration.md. */
@ConfigMapping(prefix = "feedback")
interface FeedbackConfig {

    Credentials credentials();

    DemoAccount demoAccount();

    RateLimit rateLimit();

    Write write();

    Http http();

    /** How concurrent POSTs share commits, and how long they may wait for one (docs/reliability.md). */
    interface Write {

        /**
         * Batches in flight at most per replica, while batches are small (light load: a POST need not wait
         * for a commit that does not carry it); under load, one at a time whatever this says
         * (docs/persistence.md). One by default: four bought nothing measurable at four clients and cost
         * 10-20 % at sixteen and sixty-four on the benchmark machine (BENCHMARKS.md).
         */
        @WithDefault("1")
        int writers();

        /** POSTs per statement and commit at most. */
        @WithDefault("128")
        int maxBatch();

        /** POSTs waiting for a writer at most; one more is answered 503 at once. */
        @WithDefault("4096")
        int queueCapacity();

        /** How long a POST waits for its commit before it is answered 503 (the write may still land; a retry converges). */
        @WithDefault("2s")
        Duration deadline();
    }

    interface Http {

        /** A request (head and body) must arrive whole within this long, or it is refused and its connection closed. */
        @WithDefault("10s")
        Duration requestTimeLimit();
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

        /** Look-ups of credentials not in memory, per second and replica, sustained; beyond, 503 at once. */
        @WithDefault("200")
        double lookupsPerSecond();

        /** Look-ups allowed at once above that rate (and waiting for a thread at most). */
        @WithDefault("50")
        int lookupBurst();

        /** Look-ups running at once (each holds a database connection). */
        @WithDefault("2")
        int lookupThreads();
    }

    interface DemoAccount {

        /** Local runs only: provision the README's demo account. The local runner turns it on. */
        @WithDefault("false")
        boolean enabled();
    }
}
