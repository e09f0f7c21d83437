package dev.messagefeedback.adapter.rest;

import dev.messagefeedback.application.port.in.AuthenticateCallerCommand;
import dev.messagefeedback.application.port.in.AuthenticateCallerUseCase;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Basic credentials to an identity whose principal is the caller's account ({@link CallerPrincipal}), by
 * the {@code AuthenticateCaller} use case; wrong credentials fail as Quarkus expects. Non-blocking: the
 * use case answers from memory in the steady state and does its own look-ups otherwise.
 */
@ApplicationScoped
class TwilioIdentityProvider implements IdentityProvider<BasicCredentialsRequest> {

    private final AuthenticateCallerUseCase authenticateCaller;

    TwilioIdentityProvider(AuthenticateCallerUseCase authenticateCaller) {
        this.authenticateCaller = authenticateCaller;
    }

    @Override
    public Class<BasicCredentialsRequest> getRequestType() {
        return BasicCredentialsRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(BasicCredentialsRequest request, AuthenticationRequestContext context) {
        BasicCredentials credentials = request.credentials();
        return OnContext.resume(authenticateCaller.authenticateCaller(
                        new AuthenticateCallerCommand(credentials.username(), credentials.secret())))
                .map(caller -> caller
                        .<SecurityIdentity>map(account -> QuarkusSecurityIdentity.builder()
                                .setPrincipal(new CallerPrincipal(account))
                                .build())
                        .orElseThrow(AuthenticationFailedException::new));
    }
}
