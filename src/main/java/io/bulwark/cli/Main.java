package io.bulwark.cli;

import io.bulwark.InputException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * Entry point: builds the command line, and turns every failure into one line and an exit
 * code from {@link ExitCode}. Stack traces only with {@code --debug}.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        return commandLine().execute(args);
    }

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new BulwarkCommand());
        // Reports are UTF-8 whatever the locale (JDK 17 takes ASCII from LANG=C and turns "…" into "?").
        cli.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        cli.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler(Main::handle);
        cli.setParameterExceptionHandler(Main::usage);
        return cli;
    }

    private static int usage(CommandLine.ParameterException e, String[] args) {
        PrintWriter err = e.getCommandLine().getErr();
        err.println("bulwark: " + e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for more information.");
        return ExitCode.USAGE.code();
    }

    private static int handle(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        boolean debug = BulwarkCommand.debug(parsed);
        if (debug) {
            e.printStackTrace(err);
        }
        if (e instanceof InputException) {
            err.println("bulwark: " + e.getMessage());
            return ExitCode.USAGE.code();
        }
        err.println("bulwark: " + cli.getCommandName() + " failed: " + e + (debug ? "" : " (--debug shows where)"));
        return cli.getCommand() instanceof FailureCode f ? f.failureCode().code() : ExitCode.SCAN_FAILED.code();
    }

    /** A command whose own failure has a specific exit code (run: 125). */
    interface FailureCode {
        ExitCode failureCode();
    }
}
