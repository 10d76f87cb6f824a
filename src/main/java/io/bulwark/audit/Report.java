package io.bulwark.audit;

import java.time.Instant;
import java.util.List;

/** The result of one scan: one entry per target, plus when and by which bulwark. */
public record Report(String version, Instant generatedAt, List<TargetReport> targets) {
    public Report {
        targets = List.copyOf(targets);
    }

    public List<Finding> findings() {
        return targets.stream().flatMap(t -> t.findings().stream()).toList();
    }
}
