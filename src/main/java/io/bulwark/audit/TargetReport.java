package io.bulwark.audit;

import java.util.List;

/** What a scan found about one target: the facts observed and the rules' findings. */
public record TargetReport(Target target, List<Fact> facts, List<Finding> findings) {
    public TargetReport {
        facts = List.copyOf(facts);
        findings = List.copyOf(findings);
    }

    public long count(FindingStatus status) {
        return findings.stream().filter(f -> f.status() == status).count();
    }

    public long failed(Severity severity) {
        return findings.stream().filter(f -> f.status() == FindingStatus.FAIL && f.rule().severity() == severity).count();
    }
}
