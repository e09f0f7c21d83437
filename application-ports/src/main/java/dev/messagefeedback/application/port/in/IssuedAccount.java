package dev.messagefeedback.application.port.in;

import dev.messagefeedback.domain.Account;

/** A new account and its auth token in clear, to show once. */
public record IssuedAccount(Account account, String authToken) {

    @Override
    public String toString() {
        return "IssuedAccount[account=" + account + ", authToken=redacted]";
    }
}
