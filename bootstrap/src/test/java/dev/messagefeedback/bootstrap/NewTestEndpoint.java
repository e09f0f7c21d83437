package dev.messagefeedback.bootstrap;

import dev.messagefeedback.adapter.rest.RateLimited;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Test only: an endpoint written as a newcomer would write one, with nothing in it about rate limits.
 * It carries {@link RateLimited} because every resource must (ArchitectureTest); RateLimitTest shows it
 * is limited all the same.
 */
@Path(NewTestEndpoint.PATH)
@RateLimited
public class NewTestEndpoint {

    static final String PATH = "/test-only/new-endpoint";

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String answer() {
        return "{}";
    }
}
