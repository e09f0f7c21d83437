package dev.messagefeedback.application.port.in;

import dev.messagefeedback.domain.AccountSid;
import dev.messagefeedback.domain.FriendlyName;
import java.util.Objects;

public record CreateApiKeyCommand(AccountSid accountSid, FriendlyName friendlyName) {

    public CreateApiKeyCommand {
        Objects.requireNonNull(accountSid, "accountSid");
        Objects.requireNonNull(friendlyName, "friendlyName");
    }
}
