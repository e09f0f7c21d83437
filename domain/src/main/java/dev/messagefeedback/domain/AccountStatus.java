package dev.messagefeedback.domain;

import java.util.Optional;

/** An account's standing. Only an active account's credentials work, and only an active account is acted on. */
public enum AccountStatus {
    ACTIVE("active"),
    SUSPENDED("suspended"),
    /** Final: a closed account is never reopened. */
    CLOSED("closed");

    private final String wireName;

    AccountStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<AccountStatus> fromWireName(String candidate) {
        for (AccountStatus status : values()) {
            if (status.wireName.equals(candidate)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
