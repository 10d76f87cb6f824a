package io.bulwark.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExplanationTest {

    @Test
    void namesOnlyTheMatchingItemsOfTheTestsThatHeld() {
        Condition any = new Condition.Any(List.of(
                new Condition.Test("caps.effective", Operator.CONTAINS_ANY, List.of("SYS_ADMIN", "BPF", "SYS_TIME")),
                new Condition.Test("cgroup.pids.max", Operator.AT_MOST, -1L)));
        Rule rule = new Rule("R", Surface.CAPABILITIES, "t", Severity.HIGH, References.none(), any, "w", "f", "", "test");
        Finding f = RuleEngine.evaluate(rule, new Facts(List.of(
                Fact.of("caps.effective", List.of("CHOWN", "BPF", "SYS_ADMIN"), "status"),
                Fact.of("cgroup.pids.max", 64L, "pids.max"))));
        assertThat(f.status()).isEqualTo(FindingStatus.FAIL);
        assertThat(Explanation.of(f)).containsExactly("caps.effective contains SYS_ADMIN, BPF");
    }

    @Test
    void aNonEmptyListIsCountedAndCutShort() {
        Condition notEmpty = new Condition.Test("dev.block_devices", Operator.EMPTY, false);
        Rule rule = new Rule("R", Surface.DEV, "t", Severity.HIGH, References.none(), notEmpty, "w", "f", "", "test");
        List<String> devices = List.of("loop0", "loop1", "loop2", "loop3", "loop4", "loop5", "loop6", "loop7", "vda", "zram0");
        Finding f = RuleEngine.evaluate(rule, new Facts(List.of(Fact.of("dev.block_devices", devices, "ls /dev"))));
        assertThat(Explanation.of(f)).containsExactly(
                "dev.block_devices has 10: loop0, loop1, loop2, loop3, loop4, loop5, loop6, loop7, … (2 more)");
    }
}
