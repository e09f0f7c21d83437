package dev.messagefeedback.adapter.rest;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.BasicAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * HTTP Basic as Twilio speaks it, for every path of the API port (the permission settings in
 * application.properties require an authenticated caller everywhere but the OpenAPI document and
 * preflights). Quarkus's own Basic mechanism reads the header and hands a username and password to
 * {@link TwilioIdentityProvider}; what is Twilio's here is the realm, the challenge's body (Twilio's 401
 * JSON) and that a store which could not be asked stays a 503 instead of becoming a 401.
 */
@ApplicationScoped
class TwilioBasicAuthentication implements HttpAuthenticationMechanism {

    private final BasicAuthenticationMechanism basic = new BasicAuthenticationMechanism("Twilio API", false);

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        return basic.authenticate(context, identityProviderManager)
                .onFailure(OnContext::causedByUnavailableStore).transform(OnContext::unavailableStoreOf);
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return basic.getChallenge(context);
    }

    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        ApiProblem.unauthenticated().answer(context.response());
        return Uni.createFrom().item(true);
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return basic.getCredentialTypes();
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return basic.getCredentialTransport(context);
    }
}
