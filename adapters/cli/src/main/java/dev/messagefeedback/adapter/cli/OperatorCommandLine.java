package dev.messagefeedback.adapter.cli;

import dev.messagefeedback.application.port.in.AccountNotFoundException;
import dev.messagefeedback.domain.AccountSid;
import dev.messagefeedback.domain.ApiKeySid;
import dev.messagefeedback.domain.FriendlyName;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.PrintWriter;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.IFactory;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.TypeConversionException;

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

    public int run(List<String> args, PrintWriter out, PrintWriter err) {
        int exitCode = configured(new CommandLine(TopCommand.class, factory), out, err).execute(args.toArray(String[]::new));
        out.flush();
        err.flush();
        return exitCode;
    }

    /**
     * Answers at once what needs no application (no database, no configuration): help, the version and
     * misuse. Returns the exit code when it answered, or nothing when the command must run in the
     * application ({@link #run}). Help and usage come from the same command classes, instantiated
     * without their injected use cases, which help never calls.
     */
    public static OptionalInt answerWithoutTheApplication(List<String> args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = configured(new CommandLine(TopCommand.class, CommandLine.defaultFactory()), out, err);
        String[] words = args.toArray(String[]::new);
        ParseResult parsed;
        try {
            parsed = commandLine.parseArgs(words);
        } catch (ParameterException misuse) {
            return OptionalInt.of(reportMisuse(misuse));
        }
        ParseResult last = parsed;
        boolean help = false;
        for (ParseResult command = parsed; command != null; command = command.hasSubcommand() ? command.subcommand() : null) {
            help |= command.isUsageHelpRequested() || command.isVersionHelpRequested()
                    || command.commandSpec().userObject() instanceof HelpCommand;
            last = command;
        }
        boolean onlyAGroup = !last.commandSpec().subcommands().isEmpty() && !(last.commandSpec().userObject() instanceof Runnable);
        if (!help && !onlyAGroup) {
            return OptionalInt.empty();
        }
        int exitCode = commandLine.execute(words); // help, or a group without its command: picocli's misuse
        out.flush();
        err.flush();
        return OptionalInt.of(exitCode);
    }

    private static CommandLine configured(CommandLine commandLine, PrintWriter out, PrintWriter err) {
        return commandLine
                .setOut(out)
                .setErr(err)
                .registerConverter(AccountSid.class, word -> convert(word, AccountSid::new, ACCOUNT_SID))
                .registerConverter(ApiKeySid.class, word -> convert(word, ApiKeySid::new, API_KEY_SID))
                .registerConverter(FriendlyName.class, word -> convert(word, FriendlyName::new, FRIENDLY_NAME))
                .setParameterExceptionHandler((problem, words) -> reportMisuse(problem))
                .setExecutionExceptionHandler((problem, failed, parseResult) -> {
                    failed.getErr().println(describe(problem));
                    return REFUSED;
                });
    }

    /**
     * The line that says what was wrong, then the usage of the command that was misused (not the top
     * command's), so that the operator sees at once what it takes.
     */
    private static int reportMisuse(ParameterException problem) {
        CommandLine failed = problem.getCommandLine();
        failed.getErr().println("error: " + problem.getMessage());
        failed.getErr().println();
        failed.usage(failed.getErr());
        failed.getErr().flush();
        return USAGE;
    }

    static final String ACCOUNT_SID = "an Account SID: AC followed by 32 hexadecimal characters";
    static final String API_KEY_SID = "an API key SID: SK followed by 32 hexadecimal characters";
    static final String FRIENDLY_NAME = "a friendly name: 1 to " + FriendlyName.MAX_LENGTH + " printable characters";

    /**
     * A word of the command line as a domain value, or picocli's conversion error in the operator's
     * words: what the word should look like, never the domain's exception or its class.
     */
    private static <T> T convert(String word, Function<String, T> parse, String expected) {
        try {
            return parse.apply(word);
        } catch (IllegalArgumentException malformed) {
            throw new TypeConversionException("'" + word + "' is not " + expected);
        }
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
