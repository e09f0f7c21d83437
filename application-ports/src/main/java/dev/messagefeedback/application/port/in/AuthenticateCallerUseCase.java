package dev.messagefeedback.application.port.in;

import dev.messagefeedback.domain.Account;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Who is calling: {@code AccountSid:AuthToken} or {@code ApiKeySid:ApiKeySecret}, as Twilio accepts
 * them. The answer is the account the credentials act as, if they are right and that account (and its
 * parent, for a subaccount) is active; empty otherwise. It is the caller for the rest of the request:
 * tenancy is decided from it ({@link AuthorizeCallerUseCase}) without reading it again. In the steady state the stage is already
 * complete when returned (no I/O); it fails with a {@code StoreUnavailableException} when the
 * credentials could not be looked up.
 */
public interface AuthenticateCallerUseCase {

    CompletionStage<Optional<Account>> authenticateCaller(AuthenticateCallerCommand command);
}
