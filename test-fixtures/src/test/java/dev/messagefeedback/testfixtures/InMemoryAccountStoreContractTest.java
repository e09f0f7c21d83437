package dev.messagefeedback.testfixtures;

import dev.messagefeedback.application.port.out.AccountStore;

/** The in-memory account store keeps the account store port's contract. */
class InMemoryAccountStoreContractTest extends AccountStoreContract {

    private final InMemoryAccountStore store = new InMemoryAccountStore();

    @Override
    protected AccountStore store() {
        return store;
    }
}
