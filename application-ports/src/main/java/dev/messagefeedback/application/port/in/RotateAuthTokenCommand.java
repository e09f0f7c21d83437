package dev.messagefeedback.application.port.in;

import dev.messagefeedback.domain.AccountSid;
import java.util.Objects;

public record RotateAuthTokenCommand(AccountSid accountSid) {

    public RotateAuthTokenCommand {
        Objects.requireNonNull(accountSid, "accountSid");
    }
}
