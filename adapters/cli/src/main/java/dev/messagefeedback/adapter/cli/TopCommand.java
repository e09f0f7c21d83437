package dev.messagefeedback.adapter.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

@Command(name = "message-feedback", mixinStandardHelpOptions = true, versionProvider = TopCommand.Version.class,
        description = {"Operator commands: accounts, auth tokens, API keys, the database schema.",
                "Records print as key=value lines, one blank line between records.",
                "Secrets (auth tokens, API key secrets) are printed once, when created.",
                "Exit codes: 0 done, 1 refused or failed (the message says which), 2 misuse."},
        subcommands = {AccountsCommand.class, KeysCommand.class, MigrateCommand.class, HelpCommand.class})
class TopCommand {

    static final class Version implements picocli.CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = TopCommand.class.getPackage().getImplementationVersion();
            return new String[] {"message-feedback " + (version == null ? "(development build)" : version)};
        }
    }
}
