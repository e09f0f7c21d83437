package dev.messagefeedback.adapter.rest;

import dev.messagefeedback.application.port.in.AuthenticateCallerCommand;
import dev.messagefeedback.application.port.in.AuthenticateCallerUseCase;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A username and password (Quarkus read them from the Basic header) to an identity whose principal is
 * the caller's account ({@link CallerPrincipal}), by the {@code AuthenticateCaller} use case; wrong
 * credentials fail as Quarkus expects. Non-blocking: the use case answers from memory in the steady
 * state and does its own look-ups otherwise.
 */
@ApplicationScoped
class TwilioIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private final AuthenticateCallerUseCase authenticateCaller;

    TwilioIdentityProvider(AuthenticateCallerUseCase authenticateCaller) {
        this.authenticateCaller = authenticateCaller;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context) {
        String secret = new String(request.getPassword().getPassword());
        return OnContext.resume(authenticateCaller.authenticateCaller(new AuthenticateCallerCommand(request.getUsername(), secret)))
                .map(caller -> caller
                        .<SecurityIdentity>map(account -> QuarkusSecurityIdentity.builder()
                                .setPrincipal(new CallerPrincipal(account))
                                .build())
                        .orElseThrow(AuthenticationFailedException::new));
    }
}
