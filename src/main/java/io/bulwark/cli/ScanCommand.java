package io.bulwark.cli;

import io.bulwark.InputException;
import io.bulwark.audit.Finding;
import io.bulwark.audit.Gate;
import io.bulwark.audit.Report;
import io.bulwark.audit.Scanner;
import io.bulwark.audit.Severity;
import io.bulwark.probe.LiveTarget;
import io.bulwark.report.ReportFormat;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bulwark scan}: probe a target, judge it by the rules, report, gate. */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = {
            "Probe the environment bulwark runs in (a container from inside, or a bare host) and",
            "report every isolation surface left open, with evidence, severity and the fix.", ""},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  passed the gate   1  findings at or above --fail-on   2  bad usage or input   3  scan failed"})
public final class ScanCommand implements Callable<Integer> {

    @Option(names = "--self", description = "Scan the environment bulwark runs in (the default).")
    boolean self;

    @Option(names = "--format", split = ",", paramLabel = "FORMAT", defaultValue = "text",
            converter = FormatConverter.class,
            description = "Report format: text, json (default: ${DEFAULT-VALUE}).")
    List<ReportFormat> formats;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE",
            description = "Write the report to FILE instead of standard output.")
    Path out;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", converter = SeverityConverter.class,
            description = "Exit 1 when a finding of this severity or worse is open: critical, high, medium, low, info.")
    Severity failOn;

    @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
            description = "Colour the text report: auto (only on a terminal), always, never (default: ${DEFAULT-VALUE}). NO_COLOR is honoured.")
    Colour colour;

    @Mixin
    RuleOptions rules;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    enum Colour { auto, always, never }

    @Override
    public Integer call() throws IOException {
        if (formats.size() != 1) {
            throw new InputException("--format: give one format for a scan to " + (out == null ? "standard output" : out));
        }
        Scanner scanner = new Scanner(rules.load(), VersionProvider.version(), Clock.systemUTC());
        Report report = scanner.scan(List.of(LiveTarget.self()));
        write(report, formats.get(0));
        Gate gate = failOn == null ? Gate.none() : Gate.failOn(failOn);
        List<Finding> breaches = gate.breaches(report);
        if (!breaches.isEmpty()) {
            spec.commandLine().getErr().println("bulwark: gate failed: " + breaches.size() + " open finding(s) at "
                    + failOn.id() + " or worse");
            return ExitCode.GATE_FAILED.code();
        }
        return ExitCode.OK.code();
    }

    private void write(Report report, ReportFormat format) throws IOException {
        if (out == null) {
            PrintWriter stdout = spec.commandLine().getOut();
            format.writer(useColour(false)).write(report, stdout);
            stdout.flush();
            return;
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new InputException("--out " + out + ": directory " + parent + " does not exist; create it first");
        }
        try (Writer w = new OutputStreamWriter(Files.newOutputStream(out), StandardCharsets.UTF_8)) {
            format.writer(useColour(true)).write(report, w);
        }
    }

    private boolean useColour(boolean toFile) {
        return switch (colour) {
            case always -> true;
            case never -> false;
            case auto -> !toFile && System.getenv("NO_COLOR") == null && Terminal.isInteractive();
        };
    }

    static final class FormatConverter implements CommandLine.ITypeConverter<ReportFormat> {
        @Override
        public ReportFormat convert(String value) {
            try {
                return ReportFormat.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    static final class SeverityConverter implements CommandLine.ITypeConverter<Severity> {
        @Override
        public Severity convert(String value) {
            try {
                return Severity.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
