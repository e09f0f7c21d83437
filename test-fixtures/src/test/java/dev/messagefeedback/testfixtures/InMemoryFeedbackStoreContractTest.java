package dev.messagefeedback.testfixtures;

import dev.messagefeedback.application.port.out.FeedbackStore;

/** The in-memory feedback store keeps the store port's contract. */
class InMemoryFeedbackStoreContractTest extends FeedbackStoreContract {

    private final InMemoryFeedbackStore store = new InMemoryFeedbackStore();

    @Override
    protected FeedbackStore store() {
        return store;
    }
}
