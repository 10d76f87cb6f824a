package io.bulwark.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.audit.Fact;
import io.bulwark.seccomp.Arch;
import io.bulwark.seccomp.BpfInstruction;
import io.bulwark.seccomp.BpfProgram;
import io.bulwark.seccomp.SyscallTable;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** syscall.* facts of another process: from its status when seccomp is off, from its dumped filters, or unobserved saying why. */
class ProcessFiltersTest {
    private static final Path FIXTURES = Path.of("src/test/resources/io/bulwark/probe/process-filters");

    @Test
    void withoutSeccompNoDumpIsNeededAndCapabilitiesStillDecide() {
        AtomicInteger dumps = new AtomicInteger();
        Map<String, Fact> facts = facts("seccomp-off", pid -> {
            dumps.incrementAndGet();
            return FilterDump.Outcome.failed("not expected");
        });
        assertThat(dumps).hasValue(0);
        assertThat(facts.get("syscall.sweep").value()).isEqualTo("none");
        assertThat(facts.get("syscall.mount").value()).isEqualTo(SyscallClassifier.ALLOWED);
        assertThat(facts.get("syscall.pivot_root").value()).isEqualTo(SyscallClassifier.REFUSED);
        assertThat(facts.get("syscall.pivot_root").evidence()).contains("through no seccomp filter", "CAP_SYS_ADMIN is not effective");
    }

    @Test
    void aDumpedFilterDecidesEachCallAndTheEvidenceSaysWhereItCameFrom() {
        Map<String, Fact> facts = facts("seccomp-filter", pid -> new FilterDump.Outcome(List.of(refusing("unshare")), null));
        assertThat(facts.get("syscall.sweep").value()).isEqualTo("filter-dump");
        assertThat(facts.get("syscall.unshare").value()).isEqualTo(SyscallClassifier.REFUSED);
        assertThat(facts.get("syscall.unshare").evidence())
                .contains("the process's 1 seccomp filter, dumped with PTRACE_SECCOMP_GET_FILTER", "the filter refuses it");
    }

    @Test
    void aFilterThatCannotBeDumpedLeavesTheFactsUnobservedNamingTheReason() {
        Map<String, Fact> facts = facts("seccomp-filter", pid -> FilterDump.Outcome.failed("PTRACE_SEIZE failed with EPERM"));
        assertThat(facts.values()).isNotEmpty().allSatisfy(f -> {
            assertThat(f.observed()).as(f.name()).isFalse();
            assertThat(f.evidence()).contains("PTRACE_SEIZE failed with EPERM", "only the status fields seccomp.mode and seccomp.filters");
        });
        assertThat(facts).containsKeys("syscall.sweep", "syscall.mount", "syscall.bpf");
    }

    private static Map<String, Fact> facts(String fixture, ProcessFilters.Dumper dumper) {
        return new ProcessFilters(FIXTURES.resolve(fixture), dumper).facts(4242).stream()
                .collect(Collectors.toMap(Fact::name, Function.identity()));
    }

    /** A filter that answers EPERM to one call and allows the rest. */
    private static BpfProgram refusing(String syscall) {
        int nr = SyscallTable.of(Arch.host()).number(syscall).orElseThrow();
        return new BpfProgram(List.of(
                BpfInstruction.loadWord(0),
                BpfInstruction.jump(BpfInstruction.JEQ, nr, 0, 1),
                BpfInstruction.ret(0x00050000 | 1),
                BpfInstruction.ret(0x7fff0000)));
    }
}
