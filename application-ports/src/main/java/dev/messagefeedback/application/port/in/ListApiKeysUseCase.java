package dev.messagefeedback.application.port.in;

import dev.messagefeedback.domain.ApiKey;
import java.util.List;

/** An account's API keys, oldest first, revoked ones included. Never a secret. */
public interface ListApiKeysUseCase {

    List<ApiKey> listApiKeys(ListApiKeysQuery query);
}
