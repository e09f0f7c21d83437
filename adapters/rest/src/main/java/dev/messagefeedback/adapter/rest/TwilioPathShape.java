package dev.messagefeedback.adapter.rest;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Twilio's paths have no dot segments, empty segments or encoded dots. The router matches the
 * normalised path (so {@code /Accounts/{mine}/../{theirs}/...} names {@code theirs}, and the permission
 * check refuses it); a path that only reaches a resource once normalised names nothing of ours: 404.
 * Runs after the permission check, so that a caller learns nothing about another account's paths.
 */
class TwilioPathShape {

    @ServerRequestFilter
    Optional<RestResponse<TwilioError>> refuseUnnormalisedPaths(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (context.normalizedPath().equals(request.path())) {
            return Optional.empty();
        }
        return Optional.of(TwilioErrorMappers.render(ApiProblem.notFound(request.path())));
    }
}
