package dev.messagefeedback.application.service;

import static java.util.concurrent.CompletableFuture.completedFuture;

import dev.messagefeedback.application.port.in.AccessDecision;
import dev.messagefeedback.application.port.in.AuthorizeCallerCommand;
import dev.messagefeedback.application.port.in.AuthorizeCallerUseCase;
import dev.messagefeedback.application.port.out.CredentialStore;
import dev.messagefeedback.domain.Account;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;

/** The domain's tenancy rule ({@link Account#mayActOn}) between the caller's account and the one a request names. */
@ApplicationScoped
public class AuthorizeCallerService implements AuthorizeCallerUseCase {

    private static final CompletionStage<AccessDecision> GRANTED = completedFuture(AccessDecision.GRANTED);

    private final CredentialStore store;

    @Inject
    public AuthorizeCallerService(CredentialStore store) {
        this.store = store;
    }

    @Override
    public CompletionStage<AccessDecision> authorizeCaller(AuthorizeCallerCommand command) {
        Account caller = command.caller();
        if (command.target().equals(caller.sid())) {
            return GRANTED; // authenticated in good standing, for this very request
        }
        return store.findAccount(command.target(), CredentialStore.ANY_AGE).thenApply(target -> target.isPresent()
                && caller.mayActOn(target.get().account()) ? AccessDecision.GRANTED : AccessDecision.DENIED);
    }
}
