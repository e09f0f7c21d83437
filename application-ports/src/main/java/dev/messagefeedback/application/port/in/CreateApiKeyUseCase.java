package dev.messagefeedback.application.port.in;

/** Create an API key for an active account. */
public interface CreateApiKeyUseCase {

    /** @return the key and its secret, which is shown this once and never again */
    IssuedApiKey createApiKey(CreateApiKeyCommand command);
}
