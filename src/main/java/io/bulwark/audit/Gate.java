package io.bulwark.audit;

import java.util.List;
import java.util.Optional;

/**
 * Decides whether a report passes CI: it fails when any finding at or above the threshold
 * failed. Without a threshold every report passes (the scan is informational).
 */
public record Gate(Optional<Severity> failOn) {

    public static Gate none() {
        return new Gate(Optional.empty());
    }

    public static Gate failOn(Severity threshold) {
        return new Gate(Optional.of(threshold));
    }

    /** The failed findings that break the gate; empty when it passes. */
    public List<Finding> breaches(Report report) {
        if (failOn.isEmpty()) {
            return List.of();
        }
        Severity threshold = failOn.get();
        return report.findings().stream()
                .filter(f -> f.status() == FindingStatus.FAIL && f.rule().severity().atLeast(threshold))
                .toList();
    }

    public boolean passes(Report report) {
        return breaches(report).isEmpty();
    }
}
