package dev.messagefeedback.application.port.out;

import dev.messagefeedback.domain.AccountSid;
import dev.messagefeedback.domain.ApiKeySid;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The reads that authenticate a request: an account or an API key by its SID, as stored at most
 * {@code maxAge} ago (or at most the store's own bound on staleness, whichever is shorter). An
 * implementation may answer from memory; when it does, the answer's stage is already complete, so a
 * caller on an event loop never waits. A stage that fails does so with {@link StoreUnavailableException}.
 */
public interface CredentialStore {

    /** Accept whatever copy the store holds within its own staleness bound. */
    Duration ANY_AGE = Duration.ofDays(365);

    CompletionStage<Optional<StoredAccount>> findAccount(AccountSid sid, Duration maxAge);

    CompletionStage<Optional<StoredApiKey>> findApiKey(ApiKeySid sid, Duration maxAge);
}
