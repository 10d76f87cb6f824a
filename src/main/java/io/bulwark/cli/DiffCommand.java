package io.bulwark.cli;

import io.bulwark.InputException;
import io.bulwark.diff.DiffFormat;
import io.bulwark.diff.ReportDiff;
import io.bulwark.report.JsonReportReader;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bulwark diff OLD.json NEW.json}: what got fixed, what is new, what changed. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        header = "Compare two JSON reports: what is new, fixed, or changed.", sortOptions = false,
        description = {
            "Compare two JSON reports (bulwark scan --format json): the findings that fail now and did",
            "not before, those fixed since, and those whose severity or status changed. Findings are",
            "matched by rule id and target id.", ""},
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  no new failures",
            "  1  new failures: findings that fail in NEW.json and did not in OLD.json",
            "  2  bad usage or input (a file that is not a bulwark JSON report)"})
public final class DiffCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "OLD.json", description = "The earlier report.")
    Path before;

    @Parameters(index = "1", paramLabel = "NEW.json", description = "The later report.")
    Path after;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", converter = FormatConverter.class,
            description = "text, json or html (default: ${DEFAULT-VALUE}).")
    DiffFormat format;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Write the diff to FILE instead of standard output.")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        ReportDiff diff = ReportDiff.between(JsonReportReader.read(before), JsonReportReader.read(after));
        if (out == null) {
            PrintWriter stdout = spec.commandLine().getOut();
            format.writer().write(diff, stdout);
            stdout.flush();
        } else {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                throw new InputException("--out " + out + ": directory " + parent + " does not exist; create it first");
            }
            try (Writer w = new OutputStreamWriter(Files.newOutputStream(out), StandardCharsets.UTF_8)) {
                format.writer().write(diff, w);
            }
        }
        return diff.hasNewFailures() ? ExitCode.GATE_FAILED.code() : ExitCode.OK.code();
    }

    static final class FormatConverter implements CommandLine.ITypeConverter<DiffFormat> {
        @Override
        public DiffFormat convert(String value) {
            try {
                return DiffFormat.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
