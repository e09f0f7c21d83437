package dev.messagefeedback.bootstrap;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Test-only endpoints that fail unexpectedly, one in JAX-RS and one as a plain Vert.x route. */
@Path(FailingTestEndpoints.JAX_RS_PATH)
public class FailingTestEndpoints {

    static final String JAX_RS_PATH = "/test-only/fail";
    static final String ROUTE_PATH = "/test-only/fail-route";
    static final String SECRET_DETAIL = "do-not-leak-this-detail";

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public String fail() {
        throw new IllegalStateException(SECRET_DETAIL);
    }

    @ApplicationScoped
    static class FailingRoute {
        void install(@Observes Router router) {
            router.get(ROUTE_PATH).handler(context -> {
                throw new IllegalStateException(SECRET_DETAIL);
            });
        }
    }
}
