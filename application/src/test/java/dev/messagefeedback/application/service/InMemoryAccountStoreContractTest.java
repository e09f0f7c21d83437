package dev.messagefeedback.application.service;

import dev.messagefeedback.application.port.out.AccountStore;
import dev.messagefeedback.application.port.out.AccountStoreContract;

/** The fake the service's tests use keeps the account store port's contract. */
class InMemoryAccountStoreContractTest extends AccountStoreContract {

    private final InMemoryAccountStore store = new InMemoryAccountStore();

    @Override
    protected AccountStore store() {
        return store;
    }
}
