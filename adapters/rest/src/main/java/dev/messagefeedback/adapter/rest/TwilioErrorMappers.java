package dev.messagefeedback.adapter.rest;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every failure inside the JAX-RS layer becomes Twilio's JSON error; nothing else ever reaches a client. */
class TwilioErrorMappers {

    private static final Logger LOG = Logger.getLogger(TwilioErrorMappers.class);

    static final String FEEDBACK_METHODS = "GET, HEAD, POST, OPTIONS";

    private final DatabaseFailures databaseFailures;

    TwilioErrorMappers(DatabaseFailures databaseFailures) {
        this.databaseFailures = databaseFailures;
    }

    @ServerExceptionMapper
    RestResponse<TwilioError> apiProblem(ApiProblem problem) {
        return render(problem);
    }

    @ServerExceptionMapper
    RestResponse<TwilioError> notFound(NotFoundException unmatched, HttpServerRequest request) {
        return render(ApiProblem.notFound(request.path()));
    }

    @ServerExceptionMapper
    RestResponse<TwilioError> notAllowed(NotAllowedException wrongMethod, HttpServerRequest request) {
        String allowed = SummarizeMessageFeedbackResource.allowedMethods(request.path());
        return render(ApiProblem.methodNotAllowed(allowed != null ? allowed : FEEDBACK_METHODS));
    }

    @ServerExceptionMapper
    RestResponse<TwilioError> notSupported(NotSupportedException wrongType) {
        return render(ApiProblem.unsupportedMediaType("The Content-Type is not supported"));
    }

    @ServerExceptionMapper
    RestResponse<TwilioError> otherHttpError(WebApplicationException error, HttpServerRequest request) {
        int status = error.getResponse().getStatus();
        if (status == Response.Status.REQUEST_ENTITY_TOO_LARGE.getStatusCode()) {
            return render(ApiProblem.bodyTooLarge(FormBody.MAX_BYTES));
        }
        if (status >= 400 && status < 500) {
            return render(ApiProblem.invalidParameter("The request could not be read"));
        }
        return unexpected(error);
    }

    @ServerExceptionMapper
    RestResponse<TwilioError> unexpected(Throwable error) {
        if (databaseFailures.isUnavailable(error)) {
            LOG.warnf("The database is unavailable: %s", error.getMessage());
            return render(ApiProblem.serviceUnavailable(DatabaseFailures.RETRY_AFTER_SECONDS));
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
