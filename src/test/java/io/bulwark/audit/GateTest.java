package io.bulwark.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.SampleReports;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GateTest {

    private static Finding finding(Severity severity, FindingStatus status) {
        Rule rule = new Rule("R-" + severity, Surface.SECCOMP, "t", severity, References.none(),
                new Condition.Test("seccomp.mode", Operator.IS, 0L), "w", "f", "", "test");
        return new Finding(rule, status, List.of(), "");
    }

    private static Report report(Finding... findings) {
        return new Report("test", Instant.EPOCH, List.of(new TargetReport(new Target("self", "self", "me"), List.of(), List.of(findings))));
    }

    @Test
    void failsOnlyOnOpenFindingsAtOrAboveTheThreshold() {
        Report r = report(finding(Severity.MEDIUM, FindingStatus.FAIL), finding(Severity.CRITICAL, FindingStatus.PASS),
                finding(Severity.CRITICAL, FindingStatus.NOT_APPLICABLE));
        assertThat(Gate.failOn(Severity.HIGH).passes(r)).isTrue();
        assertThat(Gate.failOn(Severity.MEDIUM).breaches(r)).hasSize(1);
        assertThat(Gate.failOn(Severity.INFO).passes(r)).isFalse();
    }

    @Test
    void withoutAThresholdEveryReportPasses() {
        assertThat(Gate.none().passes(report(finding(Severity.CRITICAL, FindingStatus.FAIL)))).isTrue();
    }

    @Test
    void waivedFindingsNeverCount() {
        assertThat(Gate.failOn(Severity.INFO).passes(report(finding(Severity.CRITICAL, FindingStatus.WAIVED)))).isTrue();
    }

    @Test
    void failsOnFailedFindingsAtOrAboveTheThresholdOnEveryTarget() {
        assertThat(Gate.failOn(Severity.HIGH).breaches(SampleReports.selfAndPod())).extracting(f -> f.rule().id())
                .containsExactly("T-ROOT-001", "T-CAP-001", "T-SECCOMP-001", "T-CAP-001");
        assertThat(Gate.failOn(Severity.CRITICAL).breaches(SampleReports.selfOnly())).extracting(f -> f.rule().id())
                .containsExactly("T-CAP-001");
        assertThat(Gate.failOn(Severity.INFO).passes(SampleReports.clean())).isTrue();
    }

    @Test
    void withABaselineOnlyFindingsNotInItFail() {
        Baseline baseline = new Baseline(Set.of(new Baseline.Key("T-CAP-001", "self"), new Baseline.Key("T-ROOT-001", "self")));
        Gate gate = Gate.failOn(Severity.HIGH).withBaseline(baseline);
        assertThat(gate.breaches(SampleReports.selfAndPod())).extracting(f -> f.rule().id())
                .containsExactly("T-SECCOMP-001", "T-CAP-001");
        assertThat(gate.inBaseline(SampleReports.selfAndPod())).extracting(f -> f.rule().id())
                .containsExactly("T-ROOT-001", "T-CAP-001");
    }

    @Test
    void theBaselineMatchesRuleAndTargetBoth() {
        Baseline otherTarget = new Baseline(Set.of(new Baseline.Key("T-CAP-001", "deploy/other.yaml")));
        assertThat(Gate.failOn(Severity.CRITICAL).withBaseline(otherTarget).breaches(SampleReports.selfAndPod())).hasSize(2);
    }
}
