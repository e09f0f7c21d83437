package dev.messagefeedback.application.port.in;

import dev.messagefeedback.domain.AccountSid;

/** A fresh auth token in clear, to show once. */
public record IssuedAuthToken(AccountSid accountSid, String authToken) {

    @Override
    public String toString() {
        return "IssuedAuthToken[accountSid=" + accountSid + ", authToken=redacted]";
    }
}
