package dev.messagefeedback.application.port.in;

import dev.messagefeedback.domain.AccountSid;
import java.util.Objects;

/** The demo account's SID and the auth token it must accept. */
public record ProvisionDemoAccountCommand(AccountSid sid, String authToken) {

    public ProvisionDemoAccountCommand {
        Objects.requireNonNull(sid, "sid");
        Objects.requireNonNull(authToken, "authToken");
    }

    @Override
    public String toString() {
        return "ProvisionDemoAccountCommand[sid=" + sid + ", authToken=redacted]";
    }
}
