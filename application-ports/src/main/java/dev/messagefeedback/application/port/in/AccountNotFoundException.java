package dev.messagefeedback.application.port.in;

/** An operator named an account or API key that does not exist. */
public final class AccountNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AccountNotFoundException(String what) {
        super(what + " does not exist");
    }
}
