package io.bulwark.diff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReportDiffTest {

    @Test
    void aFindingThatFailsNowAndDidNotBeforeIsNew() {
        ReportDiff diff = DiffFixtures.februaryToMarch();
        assertThat(diff.newFailures()).extracting(ReportDiff.Change::ruleId).containsExactly("T-CAP-002", "T-PIDS-001");
        assertThat(diff.newFailures().get(1).statusBefore()).isEqualTo("not-applicable");
        assertThat(diff.newFailures().get(1).severityAfter()).isEqualTo("high");
        assertThat(diff.hasNewFailures()).isTrue();
    }

    @Test
    void aFindingThatFailedBeforeAndPassesNowIsFixed() {
        assertThat(DiffFixtures.februaryToMarch().fixed()).extracting(ReportDiff.Change::ruleId).containsExactly("T-ROOT-001");
    }

    @Test
    void otherChangesOfSeverityOrStatusAreListedAndAnUnchangedFindingIsNot() {
        ReportDiff diff = DiffFixtures.februaryToMarch();
        assertThat(diff.changed()).extracting(ReportDiff.Change::ruleId).containsExactly("T-SECCOMP-001", "T-GONE-001");
        ReportDiff.Change seccomp = diff.changed().get(0);
        assertThat(seccomp.severityChanged()).isTrue();
        assertThat(seccomp.statusChanged()).isFalse();
        assertThat(diff.changed().get(1).statusAfter()).isEqualTo(ReportDiff.Change.ABSENT);
        assertThat(diff.newFailures()).extracting(ReportDiff.Change::ruleId).doesNotContain("T-CAP-001");
    }

    @Test
    void aRuleAddedSinceThatPassesIsNotAChange() {
        ReportDiff diff = DiffFixtures.februaryToMarch();
        assertThat(diff.newFailures()).extracting(ReportDiff.Change::ruleId).doesNotContain("T-NEW-001");
        assertThat(diff.changed()).extracting(ReportDiff.Change::ruleId).doesNotContain("T-NEW-001");
    }

    @Test
    void findingsAreMatchedByRuleAndTarget() {
        // T-CAP-001 fails on self and passes on the pod in both reports: no change either way.
        ReportDiff diff = DiffFixtures.februaryToMarch();
        assertThat(diff.fixed()).extracting(ReportDiff.Change::targetId).doesNotContain("deploy/pod.yaml");
    }

    @Test
    void aReportComparedWithItselfHasNoChanges() {
        ReportDiff same = ReportDiff.between(DiffFixtures.read(DiffFixtures.FEBRUARY), DiffFixtures.read(DiffFixtures.FEBRUARY));
        assertThat(same.newFailures()).isEmpty();
        assertThat(same.fixed()).isEmpty();
        assertThat(same.changed()).isEmpty();
    }
}
