package dev.messagefeedback.testfixtures;

import dev.messagefeedback.application.port.out.AccountStore;
import dev.messagefeedback.application.port.out.CredentialStore;

/** The in-memory credential store, over the in-memory account store, keeps the credential port's contract. */
class InMemoryCredentialStoreContractTest extends CredentialStoreContract {

    private final InMemoryAccountStore accounts = new InMemoryAccountStore();
    private final InMemoryCredentialStore credentials = new InMemoryCredentialStore(accounts);

    @Override
    protected AccountStore accounts() {
        return accounts;
    }

    @Override
    protected CredentialStore credentials() {
        return credentials;
    }
}
