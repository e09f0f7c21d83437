package dev.messagefeedback.application.port.in;

import java.util.Objects;

/** The two halves of HTTP Basic credentials as sent. The secret never appears in {@link #toString()}. */
public record AuthenticateCallerCommand(String username, String secret) {

    public AuthenticateCallerCommand {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(secret, "secret");
    }

    @Override
    public String toString() {
        return "AuthenticateCallerCommand[username=" + username + ", secret=redacted]";
    }
}
