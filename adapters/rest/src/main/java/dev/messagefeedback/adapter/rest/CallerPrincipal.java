package dev.messagefeedback.adapter.rest;

import dev.messagefeedback.domain.Account;
import java.security.Principal;

/**
 * The caller of a request: the account its credentials act as (an API key acts as its account), as
 * authentication found it, in good standing. Read once per request; tenancy and the rate limit are
 * decided from it.
 */
record CallerPrincipal(Account account) implements Principal {

    @Override
    public String getName() {
        return account.sid().value();
    }
}
