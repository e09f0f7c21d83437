package dev.messagefeedback.adapter.cli;

import dev.messagefeedback.application.port.in.AccountNotFoundException;
import dev.messagefeedback.domain.AccountSid;
import dev.messagefeedback.domain.ApiKeySid;
import dev.messagefeedback.domain.FriendlyName;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/**
 * The operator's command line (picocli): accounts, auth tokens, API keys and the schema migration.
 *
 * <p>Standard output carries only records: {@code key=value} lines, one blank line between records.
 * Notices and errors go to standard error. Exit codes: {@value #OK} done, {@value #REFUSED} refused
 * or failed (the message on standard error says which and why), {@value #USAGE} misuse.
 */
@ApplicationScoped
public class OperatorCommandLine {

    public static final int OK = 0;
    public static final int REFUSED = 1;
    public static final int USAGE = 2;

    /** The first words that select the command line rather than the service. */
    private static final Set<String> COMMANDS = Set.of("accounts", "keys", "migrate", "help", "--help", "-h", "--version", "-V");

    private final IFactory factory;

    OperatorCommandLine(IFactory factory) {
        this.factory = factory;
    }

    /** Whether these arguments are meant for this command line rather than for starting the service. */
    public static boolean handles(String... args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    /** Whether these arguments ask for the schema migration itself (and nothing else, not its help). */
    public static boolean migrates(String... args) {
        return List.of(args).equals(List.of(MigrateCommand.NAME));
    }

    /** Whether these arguments only ask for help: the command line then needs no database at all. */
    public static boolean onlyAsksForHelp(String... args) {
        List<String> words = List.of(args);
        return words.isEmpty() || words.contains("--help") || words.contains("-h") || words.get(0).equals("help")
                || words.contains("--version") || words.contains("-V");
    }

    public int run(List<String> args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(TopCommand.class, factory)
                .setOut(out)
                .setErr(err)
                .registerConverter(AccountSid.class, AccountSid::new)
                .registerConverter(ApiKeySid.class, ApiKeySid::new)
                .registerConverter(FriendlyName.class, FriendlyName::new)
                .setParameterExceptionHandler((problem, words) -> {
                    CommandLine failed = problem.getCommandLine();
                    failed.getErr().println("error: " + problem.getMessage());
                    failed.getErr().println("Run with --help for usage.");
                    return USAGE;
                })
                .setExecutionExceptionHandler((problem, failed, parseResult) -> {
                    failed.getErr().println(describe(problem));
                    return REFUSED;
                });
        int exitCode = commandLine.execute(args.toArray(String[]::new));
        out.flush();
        err.flush();
        return exitCode;
    }

    /** One line that says what went wrong: a refusal by the rules, or a failure of the database. */
    static String describe(Exception problem) {
        if (problem instanceof AccountNotFoundException || problem instanceof IllegalStateException
                || problem instanceof IllegalArgumentException) {
            return "refused: " + problem.getMessage();
        }
        Throwable root = problem;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return "error: the command failed, nothing is known to have changed (" + root.getClass().getSimpleName() + ": "
                + root.getMessage() + ")";
    }
}
