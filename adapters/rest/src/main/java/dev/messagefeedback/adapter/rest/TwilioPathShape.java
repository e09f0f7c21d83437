package dev.messagefeedback.adapter.rest;

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

    private final AccountPermission accountPermission;
    private final CurrentIdentityAssociation identity;

    TwilioPathShape(AccountPermission accountPermission, CurrentIdentityAssociation identity) {
        this.accountPermission = accountPermission;
        this.identity = identity;
    }

    @ServerRequestFilter
    Uni<RestResponse<String>> refuseUnnormalisedPaths(RoutingContext context, UriInfo uri) {
        HttpServerRequest request = context.request();
        if (context.normalizedPath().equals(request.path())) {
            return Uni.createFrom().nullItem();
        }
        RestResponse<String> unknown = ApiProblem.notFound(request.path()).response();
        String target = uri.getPathParameters().getFirst("AccountSid");
        if (target == null || !AccountSid.isWellFormed(target)) {
            return Uni.createFrom().item(unknown);
        }
        // The same tenancy decision as the resource methods' @PermissionsAllowed: one checker.
        return identity.getDeferredIdentity()
                .flatMap(caller -> accountPermission.mayActOn(caller, new AccountSid(target)))
                .map(allowed -> allowed ? unknown : ApiProblem.unauthenticated().response());
    }
}
