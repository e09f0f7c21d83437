package dev.messagefeedback.application.port.in;

/** Create an account, or a subaccount of an active top-level account. */
public interface CreateAccountUseCase {

    /** @return the account and its auth token, which is shown this once and never again */
    IssuedAccount createAccount(CreateAccountCommand command);
}
