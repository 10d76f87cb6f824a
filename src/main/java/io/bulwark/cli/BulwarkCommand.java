package io.bulwark.cli;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The top-level {@code bulwark} command: global options and the subcommands. */
@Command(name = "bulwark",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Container security: find the isolation surfaces a container leaves open, run",
            "workloads hardened, and gate CI on the result.", ""},
        subcommands = {
            ScanCommand.class,
            DiffCommand.class,
            RulesCommand.class,
            RunCommand.class,
            PlanCommand.class,
            SeccompCommand.class,
            AutoComplete.GenerateCompletion.class,
            CommandLine.HelpCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  scan passed the gate      1  findings at or above --fail-on",
            "  2  bad usage or input        3  the scan itself failed",
            "  diff: 0 no new failures, 1 new failures, 2 bad input",
            "  run:  the workload's status; 125 bulwark failed before it started,",
            "        126 the command could not be executed, 127 it was not found",
            "",
            "Run 'bulwark COMMAND --help' for a command's options."})
public final class BulwarkCommand implements Runnable {

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "Print stack traces of failures.")
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is needed (scan, rules, …)");
    }

    /** Whether --debug was given anywhere on the command line. */
    static boolean debug(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }
}
