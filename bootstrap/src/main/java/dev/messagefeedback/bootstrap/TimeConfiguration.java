package dev.messagefeedback.bootstrap;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The application's clock port is the system clock in UTC. */
class TimeConfiguration {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
