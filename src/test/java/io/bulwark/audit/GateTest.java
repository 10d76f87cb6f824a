package io.bulwark.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.SampleReports;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GateTest {

    @Test
    void failsOnFailedFindingsAtOrAboveTheThreshold() {
        assertThat(Gate.failOn(Severity.HIGH).breaches(SampleReports.selfOnly())).extracting(f -> f.rule().id())
                .containsExactly("T-ROOT-001", "T-CAP-001", "T-SECCOMP-001");
        assertThat(Gate.failOn(Severity.CRITICAL).breaches(SampleReports.selfOnly())).extracting(f -> f.rule().id())
                .containsExactly("T-CAP-001");
        assertThat(Gate.none().passes(SampleReports.selfOnly())).isTrue();
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
