package dev.messagefeedback.adapter.cli;

import dev.messagefeedback.application.port.in.ChangeAccountStatusCommand;
import dev.messagefeedback.application.port.in.ChangeAccountStatusUseCase;
import dev.messagefeedback.application.port.in.CreateAccountCommand;
import dev.messagefeedback.application.port.in.CreateAccountUseCase;
import dev.messagefeedback.application.port.in.IssuedAccount;
import dev.messagefeedback.application.port.in.IssuedAuthToken;
import dev.messagefeedback.application.port.in.ListAccountsUseCase;
import dev.messagefeedback.application.port.in.RotateAuthTokenCommand;
import dev.messagefeedback.application.port.in.RotateAuthTokenUseCase;
import dev.messagefeedback.domain.AccountSid;
import dev.messagefeedback.domain.AccountStatus;
import dev.messagefeedback.domain.FriendlyName;
import jakarta.inject.Inject;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "accounts", mixinStandardHelpOptions = true, description = "Accounts and their auth tokens.",
        subcommands = {AccountsCommand.ListAccounts.class, AccountsCommand.Create.class, AccountsCommand.RotateToken.class,
                AccountsCommand.Suspend.class, AccountsCommand.Reactivate.class, AccountsCommand.Close.class})
class AccountsCommand {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Every account, one record each.")
    static class ListAccounts implements Runnable {
        @Spec
        CommandSpec spec;
        @Inject
        ListAccountsUseCase accounts;

        @Override
        public void run() {
            Records.all(spec.commandLine().getOut(), accounts.listAccounts(), Records::account);
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Opens an account (or a subaccount with --parent); prints it and its auth token, once.")
    static class Create implements Runnable {
        @Spec
        CommandSpec spec;
        @Option(names = "--friendly-name", required = true, paramLabel = "NAME", description = "1 to 64 printable characters")
        FriendlyName friendlyName;
        @Option(names = "--parent", paramLabel = "ACCOUNT_SID", description = "open it as a subaccount of this account")
        AccountSid parent;
        @Inject
        CreateAccountUseCase createAccount;

        @Override
        public void run() {
            IssuedAccount issued = createAccount.createAccount(new CreateAccountCommand(friendlyName, Optional.ofNullable(parent)));
            Records.account(spec.commandLine().getOut(), issued.account());
            spec.commandLine().getOut().println("auth_token=" + issued.authToken());
            spec.commandLine().getErr().println("The auth token is shown this once: store it now.");
        }
    }

    @Command(name = "rotate-token", mixinStandardHelpOptions = true,
            description = "Replaces the account's auth token; prints the new one, once.")
    static class RotateToken implements Runnable {
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "ACCOUNT_SID")
        AccountSid account;
        @Inject
        RotateAuthTokenUseCase rotateAuthToken;

        @Override
        public void run() {
            IssuedAuthToken issued = rotateAuthToken.rotateAuthToken(new RotateAuthTokenCommand(account));
            spec.commandLine().getOut().println("account_sid=" + issued.accountSid());
            spec.commandLine().getOut().println("auth_token=" + issued.authToken());
            spec.commandLine().getErr().println(
                    "The new auth token is shown this once; the old one stops working within the credential cache window.");
        }
    }

    /** The three status changes differ only in their target. */
    abstract static class StatusChange implements Runnable {
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "ACCOUNT_SID")
        AccountSid account;
        @Inject
        ChangeAccountStatusUseCase changeAccountStatus;

        abstract AccountStatus target();

        @Override
        public void run() {
            Records.account(spec.commandLine().getOut(),
                    changeAccountStatus.changeAccountStatus(new ChangeAccountStatusCommand(account, target())));
        }
    }

    @Command(name = "suspend", mixinStandardHelpOptions = true,
            description = "Suspends the account: its credentials (and its subaccounts') are refused until reactivated.")
    static class Suspend extends StatusChange {
        @Override
        AccountStatus target() {
            return AccountStatus.SUSPENDED;
        }
    }

    @Command(name = "reactivate", mixinStandardHelpOptions = true, description = "Reactivates a suspended account.")
    static class Reactivate extends StatusChange {
        @Override
        AccountStatus target() {
            return AccountStatus.ACTIVE;
        }
    }

    @Command(name = "close", mixinStandardHelpOptions = true, description = "Closes the account for good.")
    static class Close extends StatusChange {
        @Override
        AccountStatus target() {
            return AccountStatus.CLOSED;
        }
    }
}
