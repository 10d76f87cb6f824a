package io.bulwark.report;

import io.bulwark.audit.Baseline;
import io.bulwark.audit.FindingStatus;
import io.bulwark.audit.Severity;
import io.bulwark.audit.Target;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A JSON report read back: what a baseline and a diff need of it, no more. (The rules'
 * conditions are not in the JSON, so it cannot become a full {@link io.bulwark.audit.Report}.)
 *
 * @param source where it was read from, for messages
 */
public record SavedReport(String source, String version, String generatedAt, List<Entry> findings) {

    /** One finding of one target. */
    public record Entry(Target target, String ruleId, String title, String surface, Severity severity,
                        FindingStatus status, String fix) {

        public Baseline.Key key() {
            return new Baseline.Key(ruleId, target.id());
        }
    }

    public SavedReport {
        findings = List.copyOf(findings);
    }

    /** The findings that were open then, failed or waived, as a baseline for the gate. */
    public Baseline baseline() {
        return new Baseline(findings.stream()
                .filter(f -> f.status() == FindingStatus.FAIL || f.status() == FindingStatus.WAIVED)
                .map(Entry::key)
                .collect(Collectors.toSet()));
    }
}
