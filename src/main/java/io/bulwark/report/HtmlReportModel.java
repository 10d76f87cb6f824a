package io.bulwark.report;

import io.bulwark.audit.Explanation;
import io.bulwark.audit.Fact;
import io.bulwark.audit.Finding;
import io.bulwark.audit.FindingStatus;
import io.bulwark.audit.Report;
import io.bulwark.audit.Severity;
import io.bulwark.audit.Surface;
import io.bulwark.audit.TargetReport;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * What the HTML template shows, computed here so the template only lays it out: per target,
 * the findings grouped by surface in {@link Surface} order, open ones first by severity.
 */
final class HtmlReportModel {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private HtmlReportModel() {
    }

    public record Page(String version, String generatedAt, String generatedAtIso, ReportVerdict verdict, List<Count> counts,
                       boolean severalTargets, List<TargetView> targets) {
    }

    /** How many findings have one severity (open ones) or one status (waived, passed, not checked). */
    public record Count(String key, String label, long count) {
    }

    public record TargetView(String anchor, String kind, String id, String description, ReportVerdict verdict,
                             List<Count> counts, List<SurfaceView> surfaces, List<String> surfacesWithoutRules) {
    }

    public record SurfaceView(String anchor, String title, long open, List<FindingView> failed, List<FindingView> waived,
                              List<FindingView> passed, List<FindingView> notApplicable) {
    }

    public record FindingView(String ruleId, String title, String severity, String status, List<String> because, List<FactView> evidence,
                              String why, String fix, String runOption, List<String> cis, List<String> pss, String reason,
                              String waiverNote) {
    }

    public record FactView(String name, String value, String evidence, String confidence, boolean observed) {
    }

    static Page of(Report report) {
        List<TargetView> targets = new ArrayList<>();
        for (int i = 0; i < report.targets().size(); i++) {
            targets.add(target(report.targets().get(i), "target-" + (i + 1)));
        }
        return new Page(report.version(), WHEN.format(report.generatedAt()), report.generatedAt().toString(),
                ReportVerdict.of(report.findings()), counts(report.findings()), targets.size() > 1, targets);
    }

    private static TargetView target(TargetReport t, String anchor) {
        List<SurfaceView> surfaces = new ArrayList<>();
        List<String> withoutRules = new ArrayList<>();
        for (Surface surface : Surface.values()) {
            List<Finding> findings = t.findings().stream().filter(f -> f.rule().surface() == surface)
                    .sorted(Comparator.comparing((Finding f) -> f.rule().severity().ordinal()).thenComparing(f -> f.rule().id()))
                    .toList();
            if (findings.isEmpty()) {
                withoutRules.add(surface.title());
                continue;
            }
            surfaces.add(new SurfaceView(anchor + "-" + surface.id(), surface.title(),
                    findings.stream().filter(f -> f.status() == FindingStatus.FAIL).count(),
                    views(findings, FindingStatus.FAIL), views(findings, FindingStatus.WAIVED),
                    views(findings, FindingStatus.PASS), views(findings, FindingStatus.NOT_APPLICABLE)));
        }
        return new TargetView(anchor, t.target().kind(), t.target().id(), t.target().description(),
                ReportVerdict.of(t.findings()), counts(t.findings()), surfaces, withoutRules);
    }

    private static List<Count> counts(List<Finding> findings) {
        List<Count> counts = new ArrayList<>();
        Arrays.stream(Severity.values()).forEach(s -> counts.add(new Count(s.id(), s.id(), findings.stream()
                .filter(f -> f.status() == FindingStatus.FAIL && f.rule().severity() == s).count())));
        counts.add(new Count("waived", "waived", count(findings, FindingStatus.WAIVED)));
        counts.add(new Count("pass", "passed", count(findings, FindingStatus.PASS)));
        counts.add(new Count("not-applicable", "not checked", count(findings, FindingStatus.NOT_APPLICABLE)));
        return counts;
    }

    private static long count(List<Finding> findings, FindingStatus status) {
        return findings.stream().filter(f -> f.status() == status).count();
    }

    private static List<FindingView> views(List<Finding> findings, FindingStatus status) {
        return findings.stream().filter(f -> f.status() == status).map(HtmlReportModel::view).toList();
    }

    private static FindingView view(Finding f) {
        String waiverNote = f.waiver().map(w -> f.waiverExpired()
                ? "waiver expired on " + w.expires() + " (" + w.source() + "): " + w.reason()
                : "waived until " + w.expires() + " (" + w.source() + "): " + w.reason()).orElse("");
        List<String> because = f.status() == FindingStatus.FAIL || f.status() == FindingStatus.WAIVED ? Explanation.of(f) : List.of();
        return new FindingView(f.rule().id(), f.rule().title(), f.rule().severity().id(), f.status().id(), because,
                f.evidence().stream().map(HtmlReportModel::fact).toList(), f.rule().why(), f.rule().fix(),
                f.rule().runOption(), f.rule().references().cis(), f.rule().references().pss(), f.reason(), waiverNote);
    }

    private static FactView fact(Fact f) {
        return new FactView(f.name(), FactText.value(f, ", "), f.evidence(), f.confidence() == null ? "" : f.confidence().id(), f.observed());
    }
}
