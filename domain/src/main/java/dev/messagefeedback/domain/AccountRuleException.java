package dev.messagefeedback.domain;

/** An operation that the account rules forbid, such as reopening a closed account. */
public final class AccountRuleException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public AccountRuleException(String message) {
        super(message);
    }
}
