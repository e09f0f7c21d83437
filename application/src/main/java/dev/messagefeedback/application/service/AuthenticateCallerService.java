package dev.messagefeedback.application.service;

import static java.util.concurrent.CompletableFuture.completedFuture;

import dev.messagefeedback.application.port.in.AuthenticateCallerCommand;
import dev.messagefeedback.application.port.in.AuthenticateCallerUseCase;
import dev.messagefeedback.application.port.out.CredentialStore;
import dev.messagefeedback.application.port.out.SecretDigest;
import dev.messagefeedback.application.port.out.StoredAccount;
import dev.messagefeedback.application.port.out.StoredApiKey;
import dev.messagefeedback.domain.Account;
import dev.messagefeedback.domain.AccountSid;
import dev.messagefeedback.domain.ApiKeySid;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * HTTP Basic as Twilio does it: {@code AccountSid:AuthToken} or {@code ApiKeySid:ApiKeySecret}. The
 * secret is compared as a keyed digest, in constant time. A secret that does not match the stored copy
 * is checked once more against a copy at most {@link #RECHECK_AFTER} old, so a freshly rotated token
 * works within a second while a wrong guess costs at most one re-read a second per SID.
 */
@ApplicationScoped
public class AuthenticateCallerService implements AuthenticateCallerUseCase {

    static final Duration RECHECK_AFTER = Duration.ofSeconds(1);

    private static final CompletionStage<Optional<Account>> NOBODY = completedFuture(Optional.empty());

    private final CredentialStore store;
    private final SecretDigester digester;

    @Inject
    public AuthenticateCallerService(CredentialStore store, SecretDigester digester) {
        this.store = store;
        this.digester = digester;
    }

    @Override
    public CompletionStage<Optional<Account>> authenticateCaller(AuthenticateCallerCommand command) {
        String username = command.username();
        if (AccountSid.isWellFormed(username)) {
            AccountSid sid = new AccountSid(username);
            return matching(maxAge -> store.findAccount(sid, maxAge), StoredAccount::authTokenDigest, command)
                    .thenCompose(account -> account.isPresent() ? inGoodStanding(account.get().account()) : NOBODY);
        }
        if (ApiKeySid.isWellFormed(username)) {
            ApiKeySid sid = new ApiKeySid(username);
            return matching(maxAge -> store.findApiKey(sid, maxAge), StoredApiKey::secretDigest, command)
                    .thenCompose(key -> key.isEmpty() || key.get().apiKey().isRevoked()
                            ? NOBODY
                            : store.findAccount(key.get().apiKey().accountSid(), CredentialStore.ANY_AGE)
                                    .thenCompose(owner -> owner.isPresent() ? inGoodStanding(owner.get().account()) : NOBODY));
        }
        return NOBODY;
    }

    /** The stored credential if the presented secret matches it (re-read once when it does not), else empty. */
    private <T> CompletionStage<Optional<T>> matching(Function<Duration, CompletionStage<Optional<T>>> find,
            Function<T, SecretDigest> digestOf, AuthenticateCallerCommand command) {
        SecretDigest presented = digester.digest(command.secret());
        return find.apply(CredentialStore.ANY_AGE).thenCompose(stored -> matches(stored, digestOf, presented)
                ? completedFuture(stored)
                : find.apply(RECHECK_AFTER).thenApply(again -> matches(again, digestOf, presented) ? again : Optional.empty()));
    }

    private static <T> boolean matches(Optional<T> stored, Function<T, SecretDigest> digestOf, SecretDigest presented) {
        return stored.isPresent() && digestOf.apply(stored.get()).matches(presented);
    }

    /** The account, if it and its parent (suspending or closing an account stops its subaccounts) are active. */
    private CompletionStage<Optional<Account>> inGoodStanding(Account account) {
        CompletionStage<Optional<Account>> parent = account.parent().isEmpty()
                ? completedFuture(Optional.empty())
                : store.findAccount(account.parent().get(), CredentialStore.ANY_AGE)
                        .thenApply(stored -> stored.map(StoredAccount::account));
        return parent.thenApply(p -> account.inGoodStanding(p) ? Optional.of(account) : Optional.empty());
    }
}
