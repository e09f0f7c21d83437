package dev.messagefeedback.application.port.in;

import java.util.concurrent.CompletionStage;

/**
 * Tenancy: an account acts on itself and on its active subaccounts, never on its parent, a sibling or a
 * stranger. In the steady state the stage is already complete when returned (no I/O); it fails with a
 * {@code StoreUnavailableException} when the target could not be looked up.
 */
public interface AuthorizeCallerUseCase {

    CompletionStage<AccessDecision> authorizeCaller(AuthorizeCallerCommand command);
}
