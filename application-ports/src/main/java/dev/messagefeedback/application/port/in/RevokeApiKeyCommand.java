package dev.messagefeedback.application.port.in;

import dev.messagefeedback.domain.ApiKeySid;
import java.util.Objects;

public record RevokeApiKeyCommand(ApiKeySid apiKeySid) {

    public RevokeApiKeyCommand {
        Objects.requireNonNull(apiKeySid, "apiKeySid");
    }
}
