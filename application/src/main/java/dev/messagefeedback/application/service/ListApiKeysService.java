package dev.messagefeedback.application.service;

import dev.messagefeedback.application.port.in.ListApiKeysQuery;
import dev.messagefeedback.application.port.in.ListApiKeysUseCase;
import dev.messagefeedback.application.port.out.AccountStore;
import dev.messagefeedback.domain.ApiKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

@ApplicationScoped
public class ListApiKeysService implements ListApiKeysUseCase {

    private final AccountStore store;

    @Inject
    public ListApiKeysService(AccountStore store) {
        this.store = store;
    }

    @Override
    @Transactional
    public List<ApiKey> listApiKeys(ListApiKeysQuery query) {
        Accounts.existing(store, query.owner());
        return store.listApiKeys(query.owner());
    }
}
