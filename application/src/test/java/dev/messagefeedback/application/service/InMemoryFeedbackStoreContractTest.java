package dev.messagefeedback.application.service;

import dev.messagefeedback.application.port.out.FeedbackStore;
import dev.messagefeedback.application.port.out.FeedbackStoreContract;

/** The fake the service's tests use keeps the store port's contract. */
class InMemoryFeedbackStoreContractTest extends FeedbackStoreContract {

    private final InMemoryFeedbackStore store = new InMemoryFeedbackStore();

    @Override
    protected FeedbackStore store() {
        return store;
    }
}
