package dev.messagefeedback.adapter.rest;

import dev.messagefeedback.application.port.in.AccessDecision;
import dev.messagefeedback.application.port.in.AuthorizeCallerCommand;
import dev.messagefeedback.application.port.in.AuthorizeCallerUseCase;
import dev.messagefeedback.domain.AccountSid;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Twilio's paths have no dot segments, empty segments or encoded dots. The router matches the
 * normalised path, so such a path can reach a resource: {@code /Accounts/{mine}/./Messages/...} names
 * nothing of ours (404), and {@code /Accounts/{mine}/../{theirs}/...} is refused as any request for
 * another account is (401), so that a caller learns nothing about another account's paths.
 */
class TwilioPathShape {

    private final AuthorizeCallerUseCase authorizeCaller;
    private final CurrentIdentityAssociation identity;

    TwilioPathShape(AuthorizeCallerUseCase authorizeCaller, CurrentIdentityAssociation identity) {
        this.authorizeCaller = authorizeCaller;
        this.identity = identity;
    }

    @ServerRequestFilter
    Uni<RestResponse<TwilioError>> refuseUnnormalisedPaths(RoutingContext context, UriInfo uri) {
        HttpServerRequest request = context.request();
        if (context.normalizedPath().equals(request.path())) {
            return Uni.createFrom().nullItem();
        }
        RestResponse<TwilioError> unknown = TwilioErrorMappers.render(ApiProblem.notFound(request.path()));
        String target = uri.getPathParameters().getFirst("AccountSid");
        if (target == null || !AccountSid.isWellFormed(target)) {
            return Uni.createFrom().item(unknown);
        }
        return identity.getDeferredIdentity().flatMap(caller -> {
            if (!(caller.getPrincipal() instanceof CallerPrincipal principal)) {
                return Uni.createFrom().item(TwilioErrorMappers.render(ApiProblem.unauthenticated()));
            }
            return OnContext.resume(authorizeCaller.authorizeCaller(
                            new AuthorizeCallerCommand(principal.account(), new AccountSid(target))))
                    .map(decision -> decision == AccessDecision.GRANTED ? unknown
                            : TwilioErrorMappers.render(ApiProblem.unauthenticated()));
        });
    }
}
