package io.bulwark.seccomp;

import io.bulwark.audit.Severity;
import java.util.List;

/**
 * What lint found in one filter: the findings, most severe first, and the families it could
 * not check because none of their syscalls exists on the filter's architectures.
 */
public record LintReport(String source, List<String> arches, List<LintFinding> findings, List<String> notChecked) {
    public LintReport {
        arches = List.copyOf(arches);
        findings = List.copyOf(findings);
        notChecked = List.copyOf(notChecked);
    }

    public boolean breaches(Severity threshold) {
        return findings.stream().anyMatch(f -> f.level().atLeast(threshold));
    }

    public String text() {
        StringBuilder s = new StringBuilder(source).append(" (").append(String.join(", ", arches)).append("): ");
        s.append(findings.isEmpty() ? "no dangerous syscall allowed" : findings.size() + " dangerous syscall(s) allowed").append('\n');
        findings.forEach(f -> s.append(f.text()).append('\n'));
        notChecked.forEach(n -> s.append("not checked: ").append(n).append('\n'));
        return s.toString();
    }
}
