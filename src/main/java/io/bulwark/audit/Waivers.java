package io.bulwark.audit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A set of waivers, applied to a report after the rules have judged it: the engine never
 * sees them, and a waived finding stays in the report with its waiver.
 */
public record Waivers(List<Waiver> waivers) {

    public Waivers {
        waivers = List.copyOf(waivers);
    }

    public static Waivers none() {
        return new Waivers(List.of());
    }

    /**
     * The report with every failed finding that a waiver matches marked: waived when a matching
     * waiver is in force on {@code today}, else still failed with the expired waiver attached.
     */
    public Report apply(Report report, LocalDate today) {
        List<TargetReport> targets = new ArrayList<>();
        for (TargetReport t : report.targets()) {
            List<Finding> findings = new ArrayList<>();
            for (Finding f : t.findings()) {
                findings.add(apply(f, t.target(), today));
            }
            targets.add(new TargetReport(t.target(), t.facts(), findings));
        }
        return new Report(report.version(), report.generatedAt(), targets);
    }

    private Finding apply(Finding finding, Target target, LocalDate today) {
        if (finding.status() != FindingStatus.FAIL) {
            return finding;
        }
        List<Waiver> matching = waivers.stream().filter(w -> w.matches(finding.rule().id(), target)).toList();
        Optional<Waiver> inForce = matching.stream().filter(w -> !w.expiredOn(today)).findFirst();
        if (inForce.isPresent()) {
            return finding.withWaiver(inForce.get(), true);
        }
        // Of several expired waivers, name the one that lapsed last: it is the one to renew.
        return matching.stream()
                .max((a, b) -> a.expires().compareTo(b.expires()))
                .map(w -> finding.withWaiver(w, false))
                .orElse(finding);
    }

    /** The waivers whose expiry date is before {@code today}. */
    public List<Waiver> expired(LocalDate today) {
        return waivers.stream().filter(w -> w.expiredOn(today)).toList();
    }
}
