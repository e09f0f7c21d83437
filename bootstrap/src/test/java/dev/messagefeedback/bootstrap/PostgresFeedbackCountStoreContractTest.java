package dev.messagefeedback.bootstrap;

import dev.messagefeedback.application.port.out.FeedbackCountStore;
import dev.messagefeedback.application.port.out.FeedbackStore;
import dev.messagefeedback.testfixtures.FeedbackCountStoreContract;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.function.Supplier;

/**
 * The count port's contract (the same suite the in-memory store passes) against PostgreSQL: feedback
 * written by the JDBC store, counts read by the JDBC count store, kept in between by migration V3's
 * triggers. Its every-outcome test is the one that fails when an outcome is added to the domain but not
 * to the triggers (docs/persistence.md, "Counts").
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class PostgresFeedbackCountStoreContractTest extends FeedbackCountStoreContract {

    @Inject
    FeedbackStore feedback;

    @Inject
    FeedbackCountStore counts;

    @Override
    protected FeedbackStore feedback() {
        return feedback;
    }

    @Override
    protected FeedbackCountStore counts() {
        return counts;
    }

    @Override
    protected <T> T inTransaction(Supplier<T> work) {
        return QuarkusTransaction.requiringNew().call(work::get);
    }
}
