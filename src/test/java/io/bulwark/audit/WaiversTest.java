package io.bulwark.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.SampleReports;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class WaiversTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 1);

    private static Waiver waiver(String rule, String target, String expires) {
        return new Waiver(rule, target, "accepted", LocalDate.parse(expires), "test");
    }

    private static Finding finding(Report report, int target, String ruleId) {
        return report.targets().get(target).findings().stream().filter(f -> f.rule().id().equals(ruleId)).findFirst().orElseThrow();
    }

    @Test
    void aWaiverInForceMarksTheFailedFindingWaivedAndKeepsIt() {
        Report report = new Waivers(List.of(waiver("T-ROOT-001", "self", "2026-12-31"))).apply(SampleReports.selfOnly(), TODAY);
        Finding root = finding(report, 0, "T-ROOT-001");
        assertThat(root.status()).isEqualTo(FindingStatus.WAIVED);
        assertThat(root.waiver()).isPresent();
        assertThat(root.evidence()).isNotEmpty();
        assertThat(report.findings()).hasSameSizeAs(SampleReports.selfOnly().findings());
    }

    @Test
    void theGateDoesNotCountWaivedFindings() {
        Report report = new Waivers(List.of(waiver("T-ROOT-001", "*", "2026-12-31"))).apply(SampleReports.selfOnly(), TODAY);
        assertThat(Gate.failOn(Severity.HIGH).breaches(SampleReports.selfOnly())).extracting(f -> f.rule().id())
                .contains("T-ROOT-001");
        assertThat(Gate.failOn(Severity.HIGH).breaches(report)).extracting(f -> f.rule().id())
                .doesNotContain("T-ROOT-001").contains("T-CAP-001");
    }

    @Test
    void theLastDayIsStillInForceAndTheDayAfterItFailsAgainNamingTheWaiver() {
        Waivers waivers = new Waivers(List.of(waiver("T-ROOT-001", "self", "2026-03-01")));
        assertThat(finding(waivers.apply(SampleReports.selfOnly(), TODAY), 0, "T-ROOT-001").status()).isEqualTo(FindingStatus.WAIVED);

        Finding next = finding(waivers.apply(SampleReports.selfOnly(), TODAY.plusDays(1)), 0, "T-ROOT-001");
        assertThat(next.status()).isEqualTo(FindingStatus.FAIL);
        assertThat(next.waiverExpired()).isTrue();
        assertThat(next.waiver().orElseThrow().expires()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(waivers.expired(TODAY.plusDays(1))).hasSize(1);
        assertThat(waivers.expired(TODAY)).isEmpty();
    }

    @Test
    void anUnexpiredWaiverWinsOverAnExpiredOneForTheSameFinding() {
        Waivers waivers = new Waivers(List.of(waiver("T-ROOT-001", "self", "2025-01-01"), waiver("T-ROOT-001", "*", "2026-06-30")));
        Finding root = finding(waivers.apply(SampleReports.selfOnly(), TODAY), 0, "T-ROOT-001");
        assertThat(root.status()).isEqualTo(FindingStatus.WAIVED);
        assertThat(root.waiver().orElseThrow().expires()).isEqualTo(LocalDate.of(2026, 6, 30));
    }

    @Test
    void theTargetPatternIsAGlobOverIdOrDescription() {
        Waivers byPath = new Waivers(List.of(waiver("T-CAP-001", "deploy/*.yaml", "2026-12-31")));
        Report report = byPath.apply(SampleReports.selfAndPod(), TODAY);
        assertThat(finding(report, 0, "T-CAP-001").status()).isEqualTo(FindingStatus.FAIL);
        assertThat(finding(report, 1, "T-CAP-001").status()).isEqualTo(FindingStatus.WAIVED);

        Waivers byDescription = new Waivers(List.of(waiver("T-CAP-001", "*hostname ci-?)", "2026-12-31")));
        report = byDescription.apply(SampleReports.selfAndPod(), TODAY);
        assertThat(finding(report, 0, "T-CAP-001").status()).isEqualTo(FindingStatus.WAIVED);
        assertThat(finding(report, 1, "T-CAP-001").status()).isEqualTo(FindingStatus.FAIL);
    }

    @Test
    void passedAndNotApplicableFindingsAreNeverWaived() {
        Waivers all = new Waivers(List.of(waiver("T-PIDS-001", "*", "2026-12-31"), waiver("T-ROOT-001", "*", "2026-12-31")));
        Report report = all.apply(SampleReports.selfAndPod(), TODAY);
        assertThat(finding(report, 0, "T-PIDS-001").status()).isEqualTo(FindingStatus.NOT_APPLICABLE);
        assertThat(finding(report, 1, "T-ROOT-001").status()).isEqualTo(FindingStatus.PASS);
        assertThat(finding(report, 1, "T-ROOT-001").waiver()).isEmpty();
    }
}
