package dev.messagefeedback.application.port.in;

/** Replace an account's auth token; the old one stops working within the credential cache window. */
public interface RotateAuthTokenUseCase {

    /** @return the new auth token, shown this once and never again */
    IssuedAuthToken rotateAuthToken(RotateAuthTokenCommand command);
}
