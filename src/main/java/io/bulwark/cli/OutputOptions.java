package io.bulwark.cli;

import io.bulwark.InputException;
import io.bulwark.audit.Report;
import io.bulwark.report.ReportFormat;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** Where and in which formats a report goes: {@code --format}, {@code --out}, {@code --out-dir}, {@code --color}. */
public final class OutputOptions {

    @Option(names = "--format", split = ",", paramLabel = "FORMAT", defaultValue = "text",
            converter = FormatConverter.class,
            description = "Report formats, comma-separated: text, json, html, sarif, junit (default: ${DEFAULT-VALUE}). "
                    + "Several need --out-dir.")
    List<ReportFormat> formats;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE",
            description = "Write the report (one format) to FILE instead of standard output.")
    Path out;

    @Option(names = "--out-dir", paramLabel = "DIR",
            description = "Write each format to DIR (created if missing) as bulwark-report.txt, bulwark-report.json, "
                    + "bulwark-report.html, bulwark-report.sarif, bulwark-junit.xml.")
    Path outDir;

    @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
            description = "Colour the text report: auto (only on a terminal), always, never (default: ${DEFAULT-VALUE}). NO_COLOR is honoured.")
    Colour colour;

    enum Colour { auto, always, never }

    /** Refuses contradictory options before anything is scanned. */
    void check() {
        if (out != null && outDir != null) {
            throw new InputException("--out and --out-dir: give one (--out FILE for one format, --out-dir DIR for several)");
        }
        if (formats().size() > 1 && outDir == null) {
            throw new InputException("--format " + ids() + ": several formats need --out-dir DIR (or give one format with --out FILE)");
        }
        if (out != null) {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                throw new InputException("--out " + out + ": directory " + parent + " does not exist; create it first");
            }
        }
        if (outDir != null && Files.exists(outDir) && !Files.isDirectory(outDir)) {
            throw new InputException("--out-dir " + outDir + ": exists and is not a directory; give a directory");
        }
    }

    /** Writes the report in every format asked for; returns the files written (none for standard output). */
    List<Path> write(Report report, PrintWriter stdout) throws IOException {
        check();
        if (out == null && outDir == null) {
            formats().get(0).writer(useColour(false)).write(report, stdout);
            stdout.flush();
            return List.of();
        }
        if (out != null) {
            writeFile(report, formats().get(0), out);
            return List.of(out);
        }
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw new InputException("--out-dir " + outDir + ": cannot create it: " + e.getMessage(), e);
        }
        List<Path> written = new ArrayList<>();
        for (ReportFormat format : formats()) {
            Path file = outDir.resolve(format.fileName());
            writeFile(report, format, file);
            written.add(file);
        }
        return written;
    }

    private void writeFile(Report report, ReportFormat format, Path file) throws IOException {
        try (Writer w = new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8)) {
            format.writer(useColour(true)).write(report, w);
        }
    }

    private List<ReportFormat> formats() {
        return List.copyOf(new LinkedHashSet<>(formats));
    }

    private String ids() {
        return formats().stream().map(ReportFormat::id).collect(Collectors.joining(","));
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
}
