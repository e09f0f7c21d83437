package dev.messagefeedback.application.port.in;

import dev.messagefeedback.domain.AccountSid;
import dev.messagefeedback.domain.FriendlyName;
import java.util.Objects;
import java.util.Optional;

/** A new account with this name; a subaccount when {@code parent} is present. */
public record CreateAccountCommand(FriendlyName friendlyName, Optional<AccountSid> parent) {

    public CreateAccountCommand {
        Objects.requireNonNull(friendlyName, "friendlyName");
        Objects.requireNonNull(parent, "parent");
    }
}
