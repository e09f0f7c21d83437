package dev.messagefeedback.application.port.in;

import dev.messagefeedback.domain.AccountSid;
import dev.messagefeedback.domain.AccountStatus;
import java.util.Objects;

public record ChangeAccountStatusCommand(AccountSid accountSid, AccountStatus status) {

    public ChangeAccountStatusCommand {
        Objects.requireNonNull(accountSid, "accountSid");
        Objects.requireNonNull(status, "status");
    }
}
