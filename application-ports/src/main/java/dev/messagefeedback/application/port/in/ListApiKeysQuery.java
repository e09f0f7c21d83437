package dev.messagefeedback.application.port.in;

import dev.messagefeedback.domain.AccountSid;
import java.util.Objects;

/** The API keys of one account. */
public record ListApiKeysQuery(AccountSid owner) {

    public ListApiKeysQuery {
        Objects.requireNonNull(owner, "owner");
    }
}
