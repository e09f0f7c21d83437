package dev.messagefeedback.bench.peer;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one account's credentials, from configuration: PEER_ACCOUNT_SID and PEER_AUTHORIZATION (the whole
 * "Basic ..." header value). Anything else, or another account in the path, is Twilio's 401.
 */
@Provider
public class BasicAuthFilter implements ContainerRequestFilter {

    private final byte[] expectedAuthorization;
    private final String accountSid;

    public BasicAuthFilter(@ConfigProperty(name = "peer.authorization") String expectedAuthorization,
            @ConfigProperty(name = "peer.account-sid") String accountSid) {
        this.expectedAuthorization = expectedAuthorization.getBytes(StandardCharsets.UTF_8);
        this.accountSid = accountSid;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        boolean valid = authorization != null
                && MessageDigest.isEqual(expectedAuthorization, authorization.getBytes(StandardCharsets.UTF_8))
                && accountSid.equals(request.getUriInfo().getPathParameters().getFirst("AccountSid"));
        if (!valid) {
            request.abortWith(TwilioError.answer(401, 20003, "Authenticate")
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Twilio API\"").build());
        }
    }
}
