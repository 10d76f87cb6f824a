package io.bulwark.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RuleEngineTest {

    private static Rule rule(Condition condition) {
        return new Rule("T-1", Surface.CAPABILITIES, "title", Severity.HIGH, References.none(), condition, "why", "fix", "", "test");
    }

    private static Condition.Test has(String cap) {
        return new Condition.Test("caps.effective", Operator.CONTAINS, cap);
    }

    @Test
    void failsWhenTheConditionHoldsAndPassesWhenItDoesNot() {
        Facts facts = new Facts(List.of(Fact.of("caps.effective", List.of("SYS_ADMIN", "CHOWN"), "status")));
        assertThat(RuleEngine.evaluate(rule(has("SYS_ADMIN")), facts).status()).isEqualTo(FindingStatus.FAIL);
        assertThat(RuleEngine.evaluate(rule(has("SYS_TIME")), facts).status()).isEqualTo(FindingStatus.PASS);
    }

    @Test
    void unobservedFactMakesTheRuleNotApplicableWithTheReasonNeverAPass() {
        Facts facts = new Facts(List.of(Fact.unobserved("caps.effective", "status unreadable")));
        Finding f = RuleEngine.evaluate(rule(has("SYS_ADMIN")), facts);
        assertThat(f.status()).isEqualTo(FindingStatus.NOT_APPLICABLE);
        assertThat(f.reason()).isEqualTo("caps.effective: status unreadable");
        assertThat(f.evidence()).extracting(Fact::name).containsExactly("caps.effective");
    }

    @Test
    void factNoProbeReportedIsNotApplicableToo() {
        Finding f = RuleEngine.evaluate(rule(has("SYS_ADMIN")), new Facts());
        assertThat(f.status()).isEqualTo(FindingStatus.NOT_APPLICABLE);
        assertThat(f.reason()).contains("no probe reported");
    }

    @Test
    void anyIsTrueWhenOneBranchIsTrueEvenIfAnotherIsUnknown() {
        Facts facts = new Facts(List.of(
                Fact.of("caps.effective", List.of("SYS_ADMIN"), "status"),
                Fact.unobserved("user.root_is_host_root", "no uid_map")));
        Condition unknown = new Condition.Test("user.root_is_host_root", Operator.IS, true);
        assertThat(new Condition.Any(List.of(unknown, has("SYS_ADMIN"))).evaluate(facts)).isEqualTo(Verdict.TRUE);
        assertThat(new Condition.Any(List.of(unknown, has("BPF"))).evaluate(facts)).isEqualTo(Verdict.UNKNOWN);
        assertThat(new Condition.All(List.of(unknown, has("BPF"))).evaluate(facts)).isEqualTo(Verdict.FALSE);
        assertThat(new Condition.All(List.of(unknown, has("SYS_ADMIN"))).evaluate(facts)).isEqualTo(Verdict.UNKNOWN);
        assertThat(new Condition.Not(unknown).evaluate(facts)).isEqualTo(Verdict.UNKNOWN);
        assertThat(new Condition.Not(has("BPF")).evaluate(facts)).isEqualTo(Verdict.TRUE);
    }

    @Test
    void operatorsCompareByType() {
        assertThat(Operator.AT_LEAST.test(5L, 5L)).isTrue();
        assertThat(Operator.AT_MOST.test(6L, 5L)).isFalse();
        assertThat(Operator.ONE_OF.test("docker", List.of("docker", "podman"))).isTrue();
        assertThat(Operator.CONTAINS_ALL.test(List.of("A", "B", "C"), List.of("A", "C"))).isTrue();
        assertThat(Operator.CONTAINS_ALL.test(List.of("A"), List.of("A", "C"))).isFalse();
        assertThat(Operator.EMPTY.test(List.of(), true)).isTrue();
        assertThat(Operator.MATCHES.test("docker-abc.scope",
                Operator.MATCHES.checkOperand(FactType.TEXT, "^docker-[a-z]+"))).isTrue();
        assertThat(Operator.IS.checkOperand(FactType.NUMBER, 64)).isEqualTo(64L);
    }
}
