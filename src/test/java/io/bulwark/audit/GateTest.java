package io.bulwark.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
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
}
