package dev.messagefeedback.adapter.rest;

import dev.messagefeedback.domain.AccountSid;
import java.security.Principal;

/** The caller of a request: the account its credentials act as (an API key acts as its account). */
record CallerPrincipal(AccountSid account) implements Principal {

    @Override
    public String getName() {
        return account.value();
    }
}
