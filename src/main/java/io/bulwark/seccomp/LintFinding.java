package io.bulwark.seccomp;

import io.bulwark.audit.Severity;
import java.util.List;

/**
 * A dangerous syscall a filter allows: its family, severity, the architectures on which it
 * is allowed, what the filter does with it ({@code verdict}), an argument vector it allows
 * when that depends on the arguments ({@code example}), why it matters and a note.
 */
public record LintFinding(String family, String severity, String syscall, List<String> arches, String verdict,
                          String example, String why, String note) {
    public LintFinding {
        arches = List.copyOf(arches);
    }

    public Severity level() {
        return Severity.parse(severity);
    }

    public String text() {
        StringBuilder s = new StringBuilder(String.format("%-8s %s: %s allowed on %s", severity, family, syscall,
                String.join(", ", arches)));
        if (example != null) {
            s.append(" (e.g. ").append(example).append(')');
        }
        s.append("\n         ").append(syscall).append(": ").append(verdict);
        s.append("\n         ").append(why);
        if (note != null) {
            s.append("\n         note: ").append(note);
        }
        return s.toString();
    }
}
