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
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every failure inside the JAX-RS layer becomes Twilio's JSON error (docs/errors.md), by the same table as
 * failures outside it ({@link ApiProblem#of}); nothing else ever reaches a client.
 */
class TwilioErrorMappers {

    private final long maxBodyBytes;

    TwilioErrorMappers(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.maxBodyBytes = maxBodySize.asLongValue();
    }

    /**
     * Every failure: the exact types listed win over the mappers Quarkus REST and Quarkus Security bring for
     * them, which would answer without Twilio's body.
     */
    @ServerExceptionMapper({Throwable.class, ApiProblem.class, StoreUnavailableException.class, WebApplicationException.class,
        NotFoundException.class, NotAllowedException.class, NotSupportedException.class, AuthenticationFailedException.class,
        UnauthorizedException.class, ForbiddenException.class})
    RestResponse<String> twilioError(Throwable failure, HttpServerRequest request) {
        int status = failure instanceof WebApplicationException http ? http.getResponse().getStatus() : 0;
        return ApiProblem.of(failure, status, request.path(), maxBodyBytes).response();
    }
}
