package dev.messagefeedback.bootstrap;

import dev.messagefeedback.application.port.out.FeedbackStore;
import dev.messagefeedback.testfixtures.FeedbackStoreContract;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.function.Supplier;

/** The store port's contract (the same suite the in-memory fake passes), against the PostgreSQL adapter. */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class PostgresFeedbackStoreContractTest extends FeedbackStoreContract {

    @Inject
    FeedbackStore store;

    @Override
    protected FeedbackStore store() {
        return store;
    }

    @Override
    protected <T> T inTransaction(Supplier<T> work) {
        return QuarkusTransaction.requiringNew().call(work::get);
    }
}
