package io.bulwark.audit;

import java.util.List;
import java.util.Optional;

/**
 * Decides whether a report passes CI: it fails when any finding at or above the threshold
 * failed, unless the baseline already knew it. Waived findings are not failed, so never
 * count. Without a threshold every report passes (the scan is informational).
 */
public record Gate(Optional<Severity> failOn, Baseline baseline) {

    public static Gate none() {
        return new Gate(Optional.empty(), Baseline.none());
    }

    public static Gate failOn(Severity threshold) {
        return new Gate(Optional.of(threshold), Baseline.none());
    }

    public Gate withBaseline(Baseline baseline) {
        return new Gate(failOn, baseline);
    }

    /** The failed findings that break the gate; empty when it passes. */
    public List<Finding> breaches(Report report) {
        return atThreshold(report, false);
    }

    /** The failed findings at or above the threshold that the baseline lets through. */
    public List<Finding> inBaseline(Report report) {
        return atThreshold(report, true);
    }

    private List<Finding> atThreshold(Report report, boolean known) {
        if (failOn.isEmpty()) {
            return List.of();
        }
        Severity threshold = failOn.get();
        return report.targets().stream()
                .flatMap(t -> t.findings().stream()
                        .filter(f -> f.status() == FindingStatus.FAIL && f.rule().severity().atLeast(threshold))
                        .filter(f -> baseline.contains(f, t.target()) == known))
                .toList();
    }

    public boolean passes(Report report) {
        return breaches(report).isEmpty();
    }
}
