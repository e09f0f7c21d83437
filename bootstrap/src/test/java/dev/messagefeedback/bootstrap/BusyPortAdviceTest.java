package dev.messagefeedback.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.runtime.QuarkusBindException;
import java.net.BindException;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** A start that failed says why on standard error; a port already taken also names the variables that move the ports. */
class BusyPortAdviceTest {

    @Test
    void aTakenPortNamesBothVariablesAndTheirValues() {
        RuntimeException failure = new RuntimeException("start failed",
                new QuarkusBindException("0.0.0.0", 8080, new BindException("Address already in use")));
        assertEquals(Optional.of("error: port 8080 is taken (by another process, or this service already runs). Move the API with QUARKUS_HTTP_PORT (now 8080) and health and metrics"
                        + " with QUARKUS_MANAGEMENT_PORT (now 9000), e.g. QUARKUS_HTTP_PORT=8081 QUARKUS_MANAGEMENT_PORT=9001."),
                Main.busyPortAdvice(failure, OptionalInt.of(8080), OptionalInt.of(9000)));
    }

    @Test
    void anyOtherFailureGetsNoAdvice() {
        assertEquals(Optional.empty(), Main.busyPortAdvice(new IllegalStateException("database down"), OptionalInt.of(8080),
                OptionalInt.of(9000)));
        assertEquals(Optional.empty(), Main.busyPortAdvice(null, OptionalInt.empty(), OptionalInt.empty()));
    }

    @Test
    void anyOtherStartFailureIsOneLineWithItsInnermostCause() {
        RuntimeException failure = new RuntimeException("Failed to start quarkus\n\tat somewhere",
                new IllegalStateException("Unable to obtain connection", new java.net.ConnectException("Connection refused")));
        assertEquals("error: the service did not start: RuntimeException: Failed to start quarkus (cause: ConnectException: Connection refused)",
                Main.startFailure(failure));
        assertEquals("error: the service did not start: IllegalArgumentException: SRCFG00050: feedback.x does not map to any root",
                Main.startFailure(new IllegalArgumentException("SRCFG00050: feedback.x does not map to any root")));
    }
}
