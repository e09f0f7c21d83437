package dev.messagefeedback.adapter.rest;

import dev.messagefeedback.application.port.in.AccessDecision;
import dev.messagefeedback.application.port.in.AuthorizeCallerCommand;
import dev.messagefeedback.application.port.in.AuthorizeCallerUseCase;
import dev.messagefeedback.domain.AccountSid;
import io.quarkus.security.PermissionChecker;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.UriInfo;
import java.util.concurrent.CompletionStage;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Tenancy as a Quarkus permission: a method annotated {@code @PermissionsAllowed(ACT_ON_ACCOUNT)} runs only when the
 * caller may act on the account its {@code accountSid} names ({@code AuthorizeCaller}); denied is Twilio's 401.
 */
@ApplicationScoped
class AccountPermission {

    static final String ACT_ON_ACCOUNT = "act-on-account";

    private final AuthorizeCallerUseCase authorizeCaller;
    private final CurrentIdentityAssociation currentIdentity;

    AccountPermission(AuthorizeCallerUseCase authorizeCaller, CurrentIdentityAssociation currentIdentity) {
        this.authorizeCaller = authorizeCaller;
        this.currentIdentity = currentIdentity;
    }

    @PermissionChecker(ACT_ON_ACCOUNT)
    Uni<Boolean> mayActOn(SecurityIdentity identity, AccountSid accountSid) {
        if (!(identity.getPrincipal() instanceof CallerPrincipal caller)) {
            return Uni.createFrom().item(false);
        }
        return resume(authorizeCaller.authorizeCaller(new AuthorizeCallerCommand(caller.account(), accountSid)))
                .map(decision -> decision == AccessDecision.GRANTED);
    }

    /**
     * Twilio's paths have no dot or empty segments, but the router matches the normalised path. Such a path names
     * nothing of ours (404), unless it reaches another account ({@code /Accounts/{mine}/../{theirs}/...}): then 401,
     * as any request for another account, so that a caller learns nothing about another account's paths.
     */
    @ServerRequestFilter
    Uni<RestResponse<String>> refuseUnnormalisedPaths(RoutingContext context, UriInfo uri) {
        if (context.normalizedPath().equals(context.request().path())) {
            return Uni.createFrom().nullItem();
        }
        RestResponse<String> unknown = ApiProblem.notFound(context.request().path()).response();
        String target = uri.getPathParameters().getFirst("AccountSid");
        if (target == null || !AccountSid.isWellFormed(target)) {
            return Uni.createFrom().item(unknown);
        }
        return currentIdentity.getDeferredIdentity()
                .flatMap(caller -> mayActOn(caller, new AccountSid(target)))
                .map(allowed -> allowed ? unknown : ApiProblem.unauthenticated().response());
    }

    /**
     * A use case's stage as a {@link Uni} that goes on where the request runs: at once when the stage is
     * already complete (the steady state: credentials from memory), else back on the request's Vert.x context.
     */
    static <T> Uni<T> resume(CompletionStage<T> stage) {
        Uni<T> uni = Uni.createFrom().completionStage(stage);
        Context context = Vertx.currentContext();
        return context == null || stage.toCompletableFuture().isDone() ? uni
                : uni.emitOn(task -> context.runOnContext(ignored -> task.run()));
    }
}
