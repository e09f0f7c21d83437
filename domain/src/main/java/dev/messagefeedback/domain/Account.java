package dev.messagefeedback.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A Twilio-style account: top-level, or a subaccount of a top-level account (one level, as Twilio has).
 * Immutable; the status changes return a new account.
 */
public record Account(AccountSid sid, FriendlyName friendlyName, AccountStatus status, Optional<AccountSid> parent,
        Instant dateCreated, Instant dateUpdated) {

    public Account {
        Objects.requireNonNull(sid, "sid");
        Objects.requireNonNull(friendlyName, "friendlyName");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(parent, "parent");
        Objects.requireNonNull(dateCreated, "dateCreated");
        Objects.requireNonNull(dateUpdated, "dateUpdated");
        if (parent.isPresent() && parent.get().equals(sid)) {
            throw new IllegalArgumentException("an account is not its own parent");
        }
    }

    public static Account open(AccountSid sid, FriendlyName friendlyName, Instant now) {
        return new Account(sid, friendlyName, AccountStatus.ACTIVE, Optional.empty(), now, now);
    }

    /** A subaccount of this account; only a top-level, active account has subaccounts. */
    public Account openSubaccount(AccountSid subaccountSid, FriendlyName friendlyName, Instant now) {
        if (parent.isPresent()) {
            throw new AccountRuleException("a subaccount cannot have subaccounts");
        }
        if (!isActive()) {
            throw new AccountRuleException("only an active account can open a subaccount");
        }
        return new Account(subaccountSid, friendlyName, AccountStatus.ACTIVE, Optional.of(sid), now, now);
    }

    public boolean isActive() {
        return status == AccountStatus.ACTIVE;
    }

    public boolean isSubaccountOf(AccountSid candidateParent) {
        return parent.isPresent() && parent.get().equals(candidateParent);
    }

    /** Suspend, reactivate or close. A closed account stays closed; asking for the current status changes nothing. */
    public Account changeStatus(AccountStatus target, Instant now) {
        Objects.requireNonNull(target, "target");
        if (target == status) {
            return this;
        }
        if (status == AccountStatus.CLOSED) {
            throw new AccountRuleException("a closed account cannot be " + target.wireName());
        }
        return new Account(sid, friendlyName, target, parent, dateCreated, now.isBefore(dateCreated) ? dateCreated : now);
    }

    /** Records that something of the account (its auth token) changed now. */
    public Account touched(Instant now) {
        return new Account(sid, friendlyName, status, parent, dateCreated, now.isBefore(dateCreated) ? dateCreated : now);
    }

    /**
     * Whether this account's own credentials work: it is active, and so is its parent account if it has
     * one (suspending or closing an account stops its subaccounts too). {@code parentAccount} is the
     * account named by {@link #parent()}, or empty for a top-level account.
     */
    public boolean inGoodStanding(Optional<Account> parentAccount) {
        if (!isActive()) {
            return false;
        }
        if (parent.isEmpty()) {
            return true;
        }
        return parentAccount.filter(p -> p.sid.equals(parent.get())).map(Account::isActive).orElse(false);
    }

    /**
     * Credentials act on their own account and on its subaccounts, never on a parent or a sibling; both
     * accounts must be active (docs/accounts.md, "Credentials").
     */
    public boolean mayActOn(Account target) {
        return isActive() && target.isActive() && (target.sid.equals(sid) || target.isSubaccountOf(sid));
    }
}
