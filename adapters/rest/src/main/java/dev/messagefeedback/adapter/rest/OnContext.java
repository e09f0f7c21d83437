package dev.messagefeedback.adapter.rest;

import dev.messagefeedback.application.port.out.StoreUnavailableException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletionStage;

/**
 * A use case's stage as a {@link Uni} that goes on where the request runs: a stage that is already
 * complete (the steady state: credentials from memory) goes on at once, on the same thread; one that
 * completes on another thread (a look-up) hops back to the request's Vert.x context first.
 */
final class OnContext {

    private OnContext() {
    }

    static <T> Uni<T> resume(CompletionStage<T> stage) {
        Uni<T> uni = Uni.createFrom().completionStage(stage);
        Context context = Vertx.currentContext();
        if (context == null || stage.toCompletableFuture().isDone()) {
            return uni;
        }
        return uni.emitOn(task -> context.runOnContext(ignored -> task.run()));
    }

    /** Whether a failure is, or was caused by, a store that could not be asked (possibly wrapped by a framework). */
    static boolean causedByUnavailableStore(Throwable failure) {
        return unavailableStoreOf(failure) != null;
    }

    static StoreUnavailableException unavailableStoreOf(Throwable failure) {
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof StoreUnavailableException unavailable) {
                return unavailable;
            }
        }
        return null;
    }
}
