package dev.messagefeedback.adapter.cli;

import dev.messagefeedback.application.port.in.AccountNotFoundException;
import dev.messagefeedback.application.port.in.ChangeAccountStatusCommand;
import dev.messagefeedback.application.port.in.ChangeAccountStatusUseCase;
import dev.messagefeedback.application.port.in.CreateAccountCommand;
import dev.messagefeedback.application.port.in.CreateAccountUseCase;
import dev.messagefeedback.application.port.in.CreateApiKeyCommand;
import dev.messagefeedback.application.port.in.CreateApiKeyUseCase;
import dev.messagefeedback.application.port.in.IssuedAccount;
import dev.messagefeedback.application.port.in.IssuedApiKey;
import dev.messagefeedback.application.port.in.IssuedAuthToken;
import dev.messagefeedback.application.port.in.ListAccountsUseCase;
import dev.messagefeedback.application.port.in.ListApiKeysQuery;
import dev.messagefeedback.application.port.in.ListApiKeysUseCase;
import dev.messagefeedback.application.port.in.RevokeApiKeyCommand;
import dev.messagefeedback.application.port.in.RevokeApiKeyUseCase;
import dev.messagefeedback.application.port.in.RotateAuthTokenCommand;
import dev.messagefeedback.application.port.in.RotateAuthTokenUseCase;
import dev.messagefeedback.domain.Account;
import dev.messagefeedback.domain.AccountSid;
import dev.messagefeedback.domain.AccountStatus;
import dev.messagefeedback.domain.ApiKey;
import dev.messagefeedback.domain.ApiKeySid;
import dev.messagefeedback.domain.FriendlyName;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The operator's command line. Output is {@code key=value} lines, easy to read and to parse; a secret
 * is printed once, when it is created, and never again. Exit codes: 0 done, 1 refused, 2 misused.
 */
@ApplicationScoped
public class AccountsCommandLine {

    public static final int OK = 0;
    public static final int REFUSED = 1;
    public static final int USAGE = 2;

    static final String USAGE_TEXT = """
            Usage:
              accounts list
              accounts create --friendly-name NAME [--parent ACCOUNT_SID]
              accounts rotate-token ACCOUNT_SID
              accounts suspend|reactivate|close ACCOUNT_SID
              keys list ACCOUNT_SID
              keys create ACCOUNT_SID --friendly-name NAME
              keys revoke API_KEY_SID
            Secrets (auth tokens, API key secrets) are printed once, when created: store them then.""";

    private final CreateAccountUseCase createAccount;
    private final RotateAuthTokenUseCase rotateAuthToken;
    private final ChangeAccountStatusUseCase changeAccountStatus;
    private final CreateApiKeyUseCase createApiKey;
    private final RevokeApiKeyUseCase revokeApiKey;
    private final ListAccountsUseCase listAccounts;
    private final ListApiKeysUseCase listApiKeys;

    AccountsCommandLine(CreateAccountUseCase createAccount, RotateAuthTokenUseCase rotateAuthToken,
            ChangeAccountStatusUseCase changeAccountStatus, CreateApiKeyUseCase createApiKey,
            RevokeApiKeyUseCase revokeApiKey, ListAccountsUseCase listAccounts, ListApiKeysUseCase listApiKeys) {
        this.createAccount = createAccount;
        this.rotateAuthToken = rotateAuthToken;
        this.changeAccountStatus = changeAccountStatus;
        this.createApiKey = createApiKey;
        this.revokeApiKey = revokeApiKey;
        this.listAccounts = listAccounts;
        this.listApiKeys = listApiKeys;
    }

    /** Whether these arguments are meant for this command line rather than for starting the service. */
    public static boolean handles(String... args) {
        return args.length > 0 && List.of("accounts", "keys", "help", "--help").contains(args[0]);
    }

    public int run(List<String> args, PrintStream out, PrintStream err) {
        try {
            return dispatch(new Arguments(args), out);
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.println(USAGE_TEXT);
            return USAGE;
        } catch (AccountNotFoundException | IllegalStateException e) {
            err.println("refused: " + e.getMessage());
            return REFUSED;
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return USAGE;
        }
    }

    private int dispatch(Arguments args, PrintStream out) {
        String noun = args.next("a command");
        if (noun.equals("help") || noun.equals("--help")) {
            out.println(USAGE_TEXT);
            return OK;
        }
        String verb = args.next(noun + " what");
        switch (noun + " " + verb) {
            case "accounts list" -> {
                args.end();
                listAccounts.listAccounts().forEach(account -> out.println(line(account)));
            }
            case "accounts create" -> {
                FriendlyName name = new FriendlyName(args.option("--friendly-name", true).orElseThrow());
                Optional<AccountSid> parent = args.option("--parent", false).map(AccountSid::new);
                args.end();
                IssuedAccount issued = createAccount.createAccount(new CreateAccountCommand(name, parent));
                print(out, issued.account());
                out.println("auth_token=" + issued.authToken());
                out.println("# The auth token is shown this once: store it now.");
            }
            case "accounts rotate-token" -> {
                AccountSid sid = new AccountSid(args.next("an account SID"));
                args.end();
                IssuedAuthToken issued = rotateAuthToken.rotateAuthToken(new RotateAuthTokenCommand(sid));
                out.println("account_sid=" + issued.accountSid());
                out.println("auth_token=" + issued.authToken());
                out.println("# The new auth token is shown this once; the old one stops working within the cache window.");
            }
            case "accounts suspend" -> print(out, changeStatus(args, AccountStatus.SUSPENDED));
            case "accounts reactivate" -> print(out, changeStatus(args, AccountStatus.ACTIVE));
            case "accounts close" -> print(out, changeStatus(args, AccountStatus.CLOSED));
            case "keys list" -> {
                AccountSid owner = new AccountSid(args.next("an account SID"));
                args.end();
                listApiKeys.listApiKeys(new ListApiKeysQuery(owner)).forEach(key -> out.println(line(key)));
            }
            case "keys create" -> {
                AccountSid owner = new AccountSid(args.next("an account SID"));
                FriendlyName name = new FriendlyName(args.option("--friendly-name", true).orElseThrow());
                args.end();
                IssuedApiKey issued = createApiKey.createApiKey(new CreateApiKeyCommand(owner, name));
                print(out, issued.apiKey());
                out.println("secret=" + issued.secret());
                out.println("# The secret is shown this once: store it now.");
            }
            case "keys revoke" -> {
                ApiKeySid sid = new ApiKeySid(args.next("an API key SID"));
                args.end();
                print(out, revokeApiKey.revokeApiKey(new RevokeApiKeyCommand(sid)));
            }
            default -> throw new UsageException("unknown command: " + noun + " " + verb);
        }
        return OK;
    }

    private Account changeStatus(Arguments args, AccountStatus status) {
        AccountSid sid = new AccountSid(args.next("an account SID"));
        args.end();
        return changeAccountStatus.changeAccountStatus(new ChangeAccountStatusCommand(sid, status));
    }

    private static void print(PrintStream out, Account account) {
        out.println("account_sid=" + account.sid());
        out.println("friendly_name=" + account.friendlyName());
        out.println("status=" + account.status().wireName());
        out.println("parent_sid=" + account.parent().map(AccountSid::value).orElse(""));
    }

    private static void print(PrintStream out, ApiKey key) {
        out.println("api_key_sid=" + key.sid());
        out.println("account_sid=" + key.accountSid());
        out.println("friendly_name=" + key.friendlyName());
        out.println("revoked=" + key.isRevoked());
    }

    private static String line(Account account) {
        return account.sid() + " " + account.status().wireName() + " parent=" + account.parent().map(AccountSid::value).orElse("-")
                + " created=" + account.dateCreated() + " name=" + account.friendlyName();
    }

    private static String line(ApiKey key) {
        return key.sid() + " " + (key.isRevoked() ? "revoked" : "active") + " created=" + key.dateCreated()
                + " name=" + key.friendlyName();
    }

    private static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message, null, false, false);
        }
    }

    /** The words of a command, consumed in order, with named options anywhere after the verb. */
    private static final class Arguments {
        private final List<String> words;

        Arguments(List<String> words) {
            this.words = new ArrayList<>(words);
        }

        String next(String what) {
            for (int i = 0; i < words.size(); i++) {
                if (!words.get(i).startsWith("--")) {
                    return words.remove(i);
                }
                i++; // skip the option's value
            }
            throw new UsageException("missing " + what);
        }

        Optional<String> option(String name, boolean required) {
            int at = words.indexOf(name);
            if (at < 0) {
                if (required) {
                    throw new UsageException("missing " + name);
                }
                return Optional.empty();
            }
            if (at + 1 >= words.size()) {
                throw new UsageException(name + " needs a value");
            }
            String value = words.get(at + 1);
            words.subList(at, at + 2).clear();
            return Optional.of(value);
        }

        void end() {
            if (!words.isEmpty()) {
                throw new UsageException("unexpected: " + String.join(" ", words));
            }
        }
    }
}
