package io.bulwark.diff;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;

/** The diff for a terminal or a CI log: new failures first, then fixed, then other changes. */
public final class TextDiffWriter implements DiffWriter {

    @Override
    public void write(ReportDiff diff, Writer writer) throws IOException {
        PrintWriter out = new PrintWriter(writer);
        out.println("bulwark diff: " + diff.before().source() + " (" + diff.before().generatedAt() + ") -> "
                + diff.after().source() + " (" + diff.after().generatedAt() + ")");
        section(out, "New failures", diff.newFailures(), true);
        section(out, "Fixed", diff.fixed(), false);
        section(out, "Changed", diff.changed(), false);
        out.println();
        out.println("Summary: " + diff.newFailures().size() + " new, " + diff.fixed().size() + " fixed, "
                + diff.changed().size() + " changed");
        out.flush();
    }

    private static void section(PrintWriter out, String title, List<ReportDiff.Change> changes, boolean showEmpty) {
        if (changes.isEmpty() && !showEmpty) {
            return;
        }
        out.println();
        out.println(title + " (" + changes.size() + ")" + (changes.isEmpty() ? ": none" : ":"));
        for (ReportDiff.Change c : changes) {
            String severity = ReportDiff.Change.ABSENT.equals(c.severityAfter()) ? c.severityBefore() : c.severityAfter();
            out.printf("  %-8s %-14s %s  [%s]%n", severity.toUpperCase(java.util.Locale.ROOT), c.ruleId(), c.title(), c.targetId());
            out.println("           " + describe(c));
        }
    }

    static String describe(ReportDiff.Change c) {
        StringBuilder text = new StringBuilder();
        if (c.statusChanged()) {
            text.append("status ").append(c.statusBefore()).append(" -> ").append(c.statusAfter());
        }
        if (c.severityChanged()) {
            text.append(text.length() == 0 ? "" : ", ").append("severity ").append(c.severityBefore()).append(" -> ").append(c.severityAfter());
        }
        return text.toString();
    }
}
