package dev.messagefeedback.adapter.cli;

import dev.messagefeedback.application.port.in.CreateApiKeyCommand;
import dev.messagefeedback.application.port.in.CreateApiKeyUseCase;
import dev.messagefeedback.application.port.in.IssuedApiKey;
import dev.messagefeedback.application.port.in.ListApiKeysQuery;
import dev.messagefeedback.application.port.in.ListApiKeysUseCase;
import dev.messagefeedback.application.port.in.RevokeApiKeyCommand;
import dev.messagefeedback.application.port.in.RevokeApiKeyUseCase;
import dev.messagefeedback.domain.AccountSid;
import dev.messagefeedback.domain.ApiKeySid;
import dev.messagefeedback.domain.FriendlyName;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "keys", mixinStandardHelpOptions = true, description = "API keys of an account.",
        subcommands = {KeysCommand.ListKeys.class, KeysCommand.Create.class, KeysCommand.Revoke.class})
class KeysCommand {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The account's API keys, one record each; never a secret.")
    static class ListKeys implements Runnable {
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "ACCOUNT_SID")
        AccountSid owner;
        @Inject
        ListApiKeysUseCase keys;

        @Override
        public void run() {
            Records.all(spec.commandLine().getOut(), keys.listApiKeys(new ListApiKeysQuery(owner)), Records::apiKey);
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Issues an API key; prints it and its secret, once.")
    static class Create implements Runnable {
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "ACCOUNT_SID")
        AccountSid owner;
        @Option(names = "--friendly-name", required = true, paramLabel = "NAME", description = "1 to 64 printable characters")
        FriendlyName friendlyName;
        @Inject
        CreateApiKeyUseCase createApiKey;

        @Override
        public void run() {
            IssuedApiKey issued = createApiKey.createApiKey(new CreateApiKeyCommand(owner, friendlyName));
            Records.apiKey(spec.commandLine().getOut(), issued.apiKey());
            spec.commandLine().getOut().println("secret=" + issued.secret());
            spec.commandLine().getErr().println("The secret is shown this once: store it now.");
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Revokes the API key: it stops working within the credential cache window.")
    static class Revoke implements Runnable {
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "API_KEY_SID")
        ApiKeySid key;
        @Inject
        RevokeApiKeyUseCase revokeApiKey;

        @Override
        public void run() {
            Records.apiKey(spec.commandLine().getOut(), revokeApiKey.revokeApiKey(new RevokeApiKeyCommand(key)));
        }
    }
}
