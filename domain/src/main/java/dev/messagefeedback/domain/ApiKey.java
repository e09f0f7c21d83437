package dev.messagefeedback.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** An API key of an account. Once revoked, it never works again. */
public record ApiKey(ApiKeySid sid, AccountSid accountSid, FriendlyName friendlyName, Instant dateCreated,
        Optional<Instant> dateRevoked) {

    public ApiKey {
        Objects.requireNonNull(sid, "sid");
        Objects.requireNonNull(accountSid, "accountSid");
        Objects.requireNonNull(friendlyName, "friendlyName");
        Objects.requireNonNull(dateCreated, "dateCreated");
        Objects.requireNonNull(dateRevoked, "dateRevoked");
    }

    public static ApiKey issue(ApiKeySid sid, Account owner, FriendlyName friendlyName, Instant now) {
        if (!owner.isActive()) {
            throw new AccountRuleException("only an active account can create API keys");
        }
        return new ApiKey(sid, owner.sid(), friendlyName, now, Optional.empty());
    }

    public boolean isRevoked() {
        return dateRevoked.isPresent();
    }

    /** Revoking twice keeps the first revocation date. */
    public ApiKey revoke(Instant now) {
        return isRevoked() ? this : new ApiKey(sid, accountSid, friendlyName, dateCreated, Optional.of(now));
    }
}
