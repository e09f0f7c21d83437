package dev.messagefeedback.adapter.rest;

import dev.messagefeedback.application.port.in.AccessDecision;
import dev.messagefeedback.application.port.in.AuthorizeCallerCommand;
import dev.messagefeedback.application.port.in.AuthorizeCallerUseCase;
import dev.messagefeedback.domain.AccountSid;
import io.quarkus.security.PermissionChecker;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Tenancy as a Quarkus permission: a resource method annotated
 * {@code @PermissionsAllowed(AccountPermission.ACT_ON_ACCOUNT)} runs only when the caller may act on the
 * account its {@code accountSid} parameter names (the router parsed it from the path), by the
 * {@code AuthorizeCaller} use case. Denied is Twilio's 401 ({@link ApiProblem#of}).
 */
@ApplicationScoped
class AccountPermission {

    static final String ACT_ON_ACCOUNT = "act-on-account";

    private final AuthorizeCallerUseCase authorizeCaller;

    AccountPermission(AuthorizeCallerUseCase authorizeCaller) {
        this.authorizeCaller = authorizeCaller;
    }

    @PermissionChecker(ACT_ON_ACCOUNT)
    Uni<Boolean> mayActOn(SecurityIdentity identity, AccountSid accountSid) {
        if (!(identity.getPrincipal() instanceof CallerPrincipal caller)) {
            return Uni.createFrom().item(false);
        }
        return OnContext.resume(authorizeCaller.authorizeCaller(new AuthorizeCallerCommand(caller.account(), accountSid)))
                .map(decision -> decision == AccessDecision.GRANTED);
    }
}
