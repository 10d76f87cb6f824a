package io.bulwark.report;

import io.bulwark.audit.Explanation;
import io.bulwark.audit.Fact;
import io.bulwark.audit.Finding;
import io.bulwark.audit.FindingStatus;
import io.bulwark.audit.Report;
import io.bulwark.audit.Severity;
import io.bulwark.audit.Surface;
import io.bulwark.audit.TargetReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The report for a terminal: per target, one block per surface with its open findings first
 * (evidence, why, fix), then the counts of what passed and what could not be judged.
 */
public final class TextReportWriter implements ReportWriter {
    private final boolean colour;

    public TextReportWriter(boolean colour) {
        this.colour = colour;
    }

    @Override
    public void write(Report report, Writer writer) throws IOException {
        PrintWriter out = new PrintWriter(writer);
        if (report.targets().size() > 1) {
            writeTargetTable(out, report.targets());
        }
        for (TargetReport target : report.targets()) {
            out.println(bold("bulwark " + report.version() + " scan of " + target.target().description()));
            out.println();
            for (Surface surface : Surface.values()) {
                List<Finding> findings = target.findings().stream()
                        .filter(f -> f.rule().surface() == surface)
                        .sorted(Comparator.comparing((Finding f) -> f.status().ordinal())
                                .thenComparing(f -> f.rule().severity().ordinal()))
                        .toList();
                if (!findings.isEmpty()) {
                    writeSurface(out, surface, findings);
                }
            }
            writeSummary(out, target);
        }
        out.flush();
    }

    private void writeSurface(PrintWriter out, Surface surface, List<Finding> findings) {
        long failed = findings.stream().filter(f -> f.status() == FindingStatus.FAIL).count();
        out.println(bold(surface.title()) + (failed == 0 ? dim("  (closed)") : ""));
        for (Finding f : findings) {
            switch (f.status()) {
                case FAIL -> {
                    out.println("  " + severity(f.rule().severity()) + " " + f.rule().id() + "  " + f.rule().title());
                    for (String because : Explanation.of(f)) {
                        out.println("      because: " + because);
                    }
                    for (Fact e : f.evidence()) {
                        out.println(dim("      evidence: " + e.name() + ": " + shorten(e.evidence())));
                    }
                    out.println("      fix: " + f.rule().fix().replace("\n", " "));
                    if (!f.rule().runOption().isEmpty()) {
                        out.println("      bulwark run: " + f.rule().runOption());
                    }
                    f.waiver().ifPresent(w -> out.println(paint("33", "      waiver expired on " + w.expires()
                            + " (" + w.source() + "): " + w.reason())));
                }
                case WAIVED -> out.println("  " + paint("35", "waived  ") + " " + f.rule().id() + "  " + f.rule().title()
                        + dim("  (" + f.rule().severity().id() + "; until " + f.waiver().orElseThrow().expires()
                        + ": " + f.waiver().orElseThrow().reason() + ")"));
                case PASS -> out.println("  " + paint("32", "pass    ") + " " + f.rule().id() + "  " + f.rule().title());
                case NOT_APPLICABLE -> out.println("  " + paint("33", "n/a     ") + " " + f.rule().id() + "  "
                        + f.rule().title() + dim("  (" + f.reason() + ")"));
            }
        }
        out.println();
    }

    /** One line per target before the sections: runtime, id, pid and the open findings by severity. */
    private void writeTargetTable(PrintWriter out, List<TargetReport> targets) {
        out.println(bold(targets.size() + " targets"));
        String header = String.format("  %-16s %-14s %-8s", "RUNTIME", "ID", "PID");
        for (Severity s : Severity.values()) {
            header += String.format(" %8s", s.id().toUpperCase());
        }
        out.println(dim(header));
        for (TargetReport target : targets) {
            TargetRow row = TargetRow.of(target);
            StringBuilder line = new StringBuilder(String.format("  %-16s %-14s %-8s", row.runtime(), row.id(), row.pid()));
            for (Severity s : Severity.values()) {
                line.append(String.format(" %8d", target.failed(s)));
            }
            out.println(line + (row.gone() ? dim("  gone") : ""));
        }
        out.println();
    }

    private void writeSummary(PrintWriter out, TargetReport target) {
        String bySeverity = java.util.Arrays.stream(Severity.values())
                .filter(s -> target.failed(s) > 0)
                .map(s -> target.failed(s) + " " + s.id())
                .collect(Collectors.joining(", "));
        out.println(bold("Summary: ") + target.count(FindingStatus.FAIL) + " open"
                + (bySeverity.isEmpty() ? "" : " (" + bySeverity + ")")
                + (target.count(FindingStatus.WAIVED) > 0 ? ", " + target.count(FindingStatus.WAIVED) + " waived" : "")
                + ", " + target.count(FindingStatus.PASS) + " closed, "
                + target.count(FindingStatus.NOT_APPLICABLE) + " could not be checked");
        out.println();
    }

    private static String shorten(String evidence) {
        return evidence.length() <= 160 ? evidence : evidence.substring(0, 157) + "…";
    }

    private String severity(Severity s) {
        String label = String.format("%-8s", s.id().toUpperCase());
        return switch (s) {
            case CRITICAL -> paint("1;31", label);
            case HIGH -> paint("31", label);
            case MEDIUM -> paint("33", label);
            case LOW -> paint("36", label);
            case INFO -> paint("37", label);
        };
    }

    private String bold(String s) {
        return paint("1", s);
    }

    private String dim(String s) {
        return paint("2", s);
    }

    private String paint(String code, String s) {
        return colour ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
    }
}
