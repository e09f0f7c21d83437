package dev.messagefeedback.application.service;

import dev.messagefeedback.application.port.in.AccessDecision;
import dev.messagefeedback.application.port.in.AuthorizeCallerCommand;
import dev.messagefeedback.application.port.in.AuthorizeCallerUseCase;
import dev.messagefeedback.application.port.out.CredentialStore;
import dev.messagefeedback.application.port.out.StoredAccount;
import dev.messagefeedback.domain.Account;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** The domain's tenancy rule ({@link Account#mayActOn}) between the caller's account and the one a request names. */
@ApplicationScoped
public class AuthorizeCallerService implements AuthorizeCallerUseCase {

    private final CredentialStore store;

    @Inject
    public AuthorizeCallerService(CredentialStore store) {
        this.store = store;
    }

    @Override
    public CompletionStage<AccessDecision> authorizeCaller(AuthorizeCallerCommand command) {
        CompletionStage<Optional<StoredAccount>> caller = store.findAccount(command.caller(), CredentialStore.ANY_AGE);
        CompletionStage<Optional<StoredAccount>> target = command.target().equals(command.caller())
                ? caller
                : store.findAccount(command.target(), CredentialStore.ANY_AGE);
        return caller.thenCombine(target, (by, on) -> by.isPresent() && on.isPresent()
                && by.get().account().mayActOn(on.get().account()) ? AccessDecision.GRANTED : AccessDecision.DENIED);
    }
}
