package dev.messagefeedback.adapter.rest;

import dev.messagefeedback.application.port.out.StoreUnavailableException;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every failure inside the JAX-RS layer becomes Twilio's JSON error (docs/errors.md); nothing else ever
 * reaches a client. The ports' failures arrive as the ports declare them: a store that is unavailable is
 * a 503, whatever adapter is behind it.
 */
class TwilioErrorMappers {

    private static final Logger LOG = Logger.getLogger(TwilioErrorMappers.class);

    private final long maxBodyBytes;

    TwilioErrorMappers(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.maxBodyBytes = maxBodySize.asLongValue();
    }

    @ServerExceptionMapper
    RestResponse<TwilioError> apiProblem(ApiProblem problem) {
        return render(problem);
    }

    /** Wrong credentials, or credentials that may not act on the account the path names: the same 401. */
    @ServerExceptionMapper({ForbiddenException.class, UnauthorizedException.class, AuthenticationFailedException.class})
    RestResponse<TwilioError> notAuthorized(RuntimeException refused) {
        return render(ApiProblem.unauthenticated());
    }

    @ServerExceptionMapper
    RestResponse<TwilioError> storeUnavailable(StoreUnavailableException unavailable) {
        LOG.warnf("The database is unavailable: %s", unavailable.getMessage());
        return render(ApiProblem.serviceUnavailable());
    }

    @ServerExceptionMapper
    RestResponse<TwilioError> notFound(NotFoundException unmatched, HttpServerRequest request) {
        return render(ApiProblem.notFound(request.path()));
    }

    /**
     * The {@code Allow} of the path's resource. Quarkus REST's 405 does not say which resource matched,
     * and the API has two paths; only the summary's ends in {@code FeedbackSummary.json}.
     */
    @ServerExceptionMapper
    RestResponse<TwilioError> notAllowed(NotAllowedException wrongMethod, HttpServerRequest request) {
        return render(ApiProblem.methodNotAllowed(request.path().endsWith("/FeedbackSummary.json")
                ? SummarizeMessageFeedbackResource.SUMMARY_METHODS : FeedbackResource.METHODS));
    }

    @ServerExceptionMapper
    RestResponse<TwilioError> notSupported(NotSupportedException wrongType) {
        return render(ApiProblem.unsupportedMediaType("The Content-Type is not supported"));
    }

    @ServerExceptionMapper
    RestResponse<TwilioError> otherHttpError(WebApplicationException error) {
        int status = error.getResponse().getStatus();
        if (status == Response.Status.REQUEST_ENTITY_TOO_LARGE.getStatusCode()) {
            return render(ApiProblem.bodyTooLarge(maxBodyBytes));
        }
        if (status >= 400 && status < 500) {
            return render(ApiProblem.invalidParameter("The request could not be read"));
        }
        if (status == Response.Status.SERVICE_UNAVAILABLE.getStatusCode()) {
            return render(ApiProblem.serviceUnavailable()); // Quarkus refusing requests while it shuts down
        }
        return unexpected(error);
    }

    @ServerExceptionMapper
    RestResponse<TwilioError> unexpected(Throwable error) {
        StoreUnavailableException unavailable = OnContext.unavailableStoreOf(error);
        if (unavailable != null) { // wrapped on its way (by a completion stage, say)
            return storeUnavailable(unavailable);
        }
        // The details stay in the log, under the request id that the client received.
        LOG.error("Unexpected failure while serving the request", error);
        return render(ApiProblem.internalError());
    }

    static RestResponse<TwilioError> render(ApiProblem problem) {
        var response = RestResponse.ResponseBuilder.<TwilioError>create(problem.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(problem.body());
        problem.headers().forEach(response::header);
        return response.build();
    }
}
