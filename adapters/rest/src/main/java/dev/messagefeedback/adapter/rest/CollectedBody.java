package dev.messagefeedback.adapter.rest;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.io.ByteArrayInputStream;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Hands a body the HTTP edge already read (one of unknown length, bounded there) to JAX-RS as the
 * request's entity, so that the resource's {@code byte[]} parameter is that body and nothing reads the
 * request a second time (HTTP/2 refuses that).
 */
class CollectedBody {

    @ServerRequestFilter(preMatching = true)
    void useCollectedBody(RoutingContext routing, ContainerRequestContext request) {
        Buffer body = routing.body().buffer();
        if (body != null) {
            request.setEntityStream(new ByteArrayInputStream(body.getBytes()));
        }
    }
}
