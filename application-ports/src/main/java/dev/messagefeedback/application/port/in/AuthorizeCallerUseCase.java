package dev.messagefeedback.application.port.in;

import java.util.concurrent.CompletionStage;

/**
 * Tenancy: an account acts on itself and on its active subaccounts, never on its parent, a sibling or a
 * stranger. The caller is not read again: acting on its own account needs no look-up at all, and a
 * subaccount is read once (from memory in the steady state). The stage fails with a
 * {@code StoreUnavailableException} when the target could not be looked up.
 */
public interface AuthorizeCallerUseCase {

    CompletionStage<AccessDecision> authorizeCaller(AuthorizeCallerCommand command);
}
