package dev.messagefeedback.application.service;

import dev.messagefeedback.application.port.in.ListAccountsUseCase;
import dev.messagefeedback.application.port.out.AccountStore;
import dev.messagefeedback.domain.Account;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

@ApplicationScoped
public class ListAccountsService implements ListAccountsUseCase {

    private final AccountStore store;

    @Inject
    public ListAccountsService(AccountStore store) {
        this.store = store;
    }

    @Override
    @Transactional
    public List<Account> listAccounts() {
        return store.list();
    }
}
