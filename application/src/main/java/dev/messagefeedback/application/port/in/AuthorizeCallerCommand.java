package dev.messagefeedback.application.port.in;

import dev.messagefeedback.domain.AccountSid;
import java.util.Objects;
import java.util.Optional;

/**
 * The two halves of HTTP Basic credentials as sent, and the account the request's path names, if it
 * names a well-formed one. The secret never appears in {@link #toString()}.
 */
public record AuthorizeCallerCommand(String username, String secret, Optional<AccountSid> target) {

    public AuthorizeCallerCommand {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(target, "target");
    }

    @Override
    public String toString() {
        return "AuthorizeCallerCommand[username=" + username + ", secret=redacted, target=" + target + "]";
    }
}
