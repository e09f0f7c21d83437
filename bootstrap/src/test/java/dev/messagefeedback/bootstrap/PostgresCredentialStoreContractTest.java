package dev.messagefeedback.bootstrap;

import dev.messagefeedback.application.port.out.AccountStore;
import dev.messagefeedback.application.port.out.CredentialStore;
import dev.messagefeedback.testfixtures.CredentialStoreContract;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.function.Supplier;

/** The credential port's contract (the same suite the in-memory store passes) against the service's credential store on PostgreSQL. */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class PostgresCredentialStoreContractTest extends CredentialStoreContract {

    @Inject
    AccountStore accounts;

    @Inject
    CredentialStore credentials;

    @Override
    protected AccountStore accounts() {
        return accounts;
    }

    @Override
    protected CredentialStore credentials() {
        return credentials;
    }

    @Override
    protected <T> T inTransaction(Supplier<T> work) {
        return QuarkusTransaction.requiringNew().call(work::get);
    }
}
