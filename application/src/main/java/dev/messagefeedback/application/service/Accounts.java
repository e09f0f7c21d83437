package dev.messagefeedback.application.service;

import dev.messagefeedback.application.port.in.AccountNotFoundException;
import dev.messagefeedback.application.port.out.AccountStore;
import dev.messagefeedback.application.port.out.StoredAccount;
import dev.messagefeedback.domain.AccountSid;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** What the account use cases share: finding an account an operator named, and the time of a change. */
final class Accounts {

    private Accounts() {
    }

    static StoredAccount existing(AccountStore store, AccountSid sid) {
        return store.find(sid).orElseThrow(() -> new AccountNotFoundException("account " + sid));
    }

    /** As {@link #existing}, held against concurrent changes until the transaction ends. */
    static StoredAccount existingForUpdate(AccountStore store, AccountSid sid) {
        return store.findForUpdate(sid).orElseThrow(() -> new AccountNotFoundException("account " + sid));
    }

    /** Stored times have microsecond precision: what is returned equals what is stored. */
    static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
