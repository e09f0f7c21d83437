package dev.messagefeedback.application.port.in;

/**
 * The local, embedded set-up only: make sure an account with known credentials exists, so that the
 * README's curl example works as written. Never enabled against an external database.
 */
public interface ProvisionDemoAccountUseCase {

    void provisionDemoAccount(ProvisionDemoAccountCommand command);
}
