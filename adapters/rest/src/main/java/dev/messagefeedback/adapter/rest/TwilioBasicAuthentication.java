package dev.messagefeedback.adapter.rest;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;

/**
 * HTTP Basic as Twilio speaks it, for every path of the API port (the permission settings in
 * application.properties require an authenticated caller everywhere but the OpenAPI document and
 * preflights): no or unreadable credentials leave the request anonymous, so it is challenged; readable
 * ones go to {@link TwilioIdentityProvider}. The challenge is Twilio's 401 JSON.
 */
@ApplicationScoped
class TwilioBasicAuthentication implements HttpAuthenticationMechanism {

    private static final ChallengeData CHALLENGE = new ChallengeData(401, "WWW-Authenticate", "Basic realm=\"Twilio API\"");

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        Optional<BasicCredentials> credentials = BasicCredentials.parse(context.request().getHeader(HttpHeaders.AUTHORIZATION));
        if (credentials.isEmpty()) {
            return Uni.createFrom().optional(Optional.empty());
        }
        return identityProviderManager.authenticate(new BasicCredentialsRequest(credentials.get()))
                // A store that could not be asked is not a wrong password: it must stay a 503, not become a 401.
                .onFailure(OnContext::causedByUnavailableStore).transform(OnContext::unavailableStoreOf);
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(CHALLENGE);
    }

    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        TwilioHttpEdge.answer(context, ApiProblem.unauthenticated());
        return Uni.createFrom().item(true);
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(BasicCredentialsRequest.class);
    }

}
