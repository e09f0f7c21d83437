package dev.messagefeedback.adapter.rest;

import dev.messagefeedback.domain.Account;
import java.security.Principal;

/** The account a request's credentials act as (an API key acts as its account), read once per request. */
record CallerPrincipal(Account account) implements Principal {

    @Override
    public String getName() {
        return account.sid().value();
    }
}
