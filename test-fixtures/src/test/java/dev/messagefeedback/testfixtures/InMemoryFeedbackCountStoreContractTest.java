package dev.messagefeedback.testfixtures;

import dev.messagefeedback.application.port.out.FeedbackCountStore;
import dev.messagefeedback.application.port.out.FeedbackStore;

/** The in-memory feedback store keeps its counts with its rows, as the count port's contract says. */
class InMemoryFeedbackCountStoreContractTest extends FeedbackCountStoreContract {

    private final InMemoryFeedbackStore store = new InMemoryFeedbackStore();

    @Override
    protected FeedbackStore feedback() {
        return store;
    }

    @Override
    protected FeedbackCountStore counts() {
        return store;
    }
}
