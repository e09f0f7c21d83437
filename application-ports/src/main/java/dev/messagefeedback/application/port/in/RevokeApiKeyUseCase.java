package dev.messagefeedback.application.port.in;

import dev.messagefeedback.domain.ApiKey;

/** Revoke an API key for good; it stops working within the credential cache window. */
public interface RevokeApiKeyUseCase {

    ApiKey revokeApiKey(RevokeApiKeyCommand command);
}
