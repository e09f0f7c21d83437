package dev.messagefeedback.application.port.in;

import dev.messagefeedback.domain.AccountSid;
import java.util.Objects;

/** May the authenticated {@code caller} act on the {@code target} account a request names? */
public record AuthorizeCallerCommand(AccountSid caller, AccountSid target) {

    public AuthorizeCallerCommand {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(target, "target");
    }
}
