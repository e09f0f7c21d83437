package dev.messagefeedback.application.port.in;

import dev.messagefeedback.domain.Account;
import dev.messagefeedback.domain.AccountSid;
import java.util.Objects;

/**
 * May the {@code caller} (the account {@link AuthenticateCallerUseCase} answered for this request, already
 * found in good standing) act on the {@code target} account a request names?
 */
public record AuthorizeCallerCommand(Account caller, AccountSid target) {

    public AuthorizeCallerCommand {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(target, "target");
    }
}
