package dev.messagefeedback.adapter.rest;

import dev.messagefeedback.application.port.in.AuthenticateCallerCommand;
import dev.messagefeedback.application.port.in.AuthenticateCallerUseCase;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.BasicAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;

/**
 * HTTP Basic as Twilio speaks it: Quarkus's own Basic mechanism parses the header. Twilio's are the realm, the 401's
 * JSON, the caller (the account {@code AuthenticateCaller} finds for the username and password, from memory in the
 * steady state), and that a store which could not be asked stays a 503, not a 401.
 */
@Singleton // not @ApplicationScoped: a client proxy needs a no-args constructor, which the Basic mechanism lacks
class TwilioBasicAuthentication extends BasicAuthenticationMechanism
        implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private final AuthenticateCallerUseCase authenticateCaller;

    TwilioBasicAuthentication(AuthenticateCallerUseCase authenticateCaller) {
        super("Twilio API", false);
        this.authenticateCaller = authenticateCaller;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        return super.authenticate(context, identityProviderManager)
                .onFailure(failure -> ApiProblem.unavailableStoreOf(failure) != null).transform(ApiProblem::unavailableStoreOf);
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context) {
        var command = new AuthenticateCallerCommand(request.getUsername(), new String(request.getPassword().getPassword()));
        return AccountPermission.resume(authenticateCaller.authenticateCaller(command)).map(caller -> caller
                .<SecurityIdentity>map(account -> QuarkusSecurityIdentity.builder().setPrincipal(new CallerPrincipal(account)).build())
                .orElseThrow(AuthenticationFailedException::new));
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        ApiProblem.unauthenticated().answer(context.response());
        return Uni.createFrom().item(true);
    }
}
