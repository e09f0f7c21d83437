package dev.messagefeedback.adapter.rest;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** HTTP Basic credentials as sent, for {@link TwilioIdentityProvider}. */
final class BasicCredentialsRequest extends BaseAuthenticationRequest {

    private final BasicCredentials credentials;

    BasicCredentialsRequest(BasicCredentials credentials) {
        this.credentials = credentials;
    }

    BasicCredentials credentials() {
        return credentials;
    }
}
