package io.bulwark.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.audit.Fact;
import io.bulwark.audit.FactSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SyscallProbeTest {

    private static ProbeContext fixture(String name) {
        return ProbeContext.fixture(Path.of("src/test/resources/fixtures", name));
    }

    private static Map<String, Fact> byName(List<Fact> facts) {
        return facts.stream().collect(Collectors.toMap(Fact::name, Function.identity()));
    }

    /** A sweep that makes no call: every call "returns" EPERM, and the mode it was chosen for is kept. */
    private static final class RecordingChoice implements SyscallProbe.SweepChoice {
        final List<Optional<Long>> modes = new ArrayList<>();
        final List<SyscallCall> calls = new ArrayList<>();

        @Override
        public SyscallSweep choose(Optional<Long> seccompMode) {
            modes.add(seccompMode);
            return new SyscallSweep() {
                @Override
                public Result run(List<SyscallCall> list) {
                    calls.addAll(list);
                    return new Result(list.stream().map(c -> SyscallOutcome.returned(c.name(), -1, 1)).toList(), 0, 0, 0);
                }

                @Override
                public String mode() {
                    return "recorded";
                }
            };
        }
    }

    @Test
    void declaresTheSweepAndOneFactPerListedCall() {
        List<String> names = new SyscallProbe().facts().stream().map(FactSpec::name).toList();
        assertThat(names).startsWith("syscall.sweep").contains("syscall.mount", "syscall.kcmp", "syscall.syslog");
        assertThat(names).hasSize(SyscallProbeList.builtIn().size() + 1);
    }

    @Test
    void aRecordedTreeIsNeverProbedWithSystemCalls() {
        List<Fact> facts = ProbeRunner.run(new SyscallProbe(), fixture("seccomp-docker-default"));
        assertThat(facts).allSatisfy(f -> {
            assertThat(f.observed()).isFalse();
            assertThat(f.evidence()).contains("only when scanning the running system");
        });
    }

    @Test
    void anotherProcessCannotBeProbedWithSystemCalls() {
        ProbeContext other = new ProbeContext(Path.of("/"), Path.of("/proc"), Path.of("/proc/1"), true);
        assertThat(ProbeRunner.run(new SyscallProbe(), other)).allSatisfy(f -> assertThat(f.evidence()).contains("own process"));
    }

    @Test
    void aDisabledProbeMakesNoCallAndSaysWhy() {
        RecordingChoice choice = new RecordingChoice();
        List<Fact> facts = new SyscallProbe(SyscallProbeList.builtIn(), choice, "x86_64", false).collect(ProbeContext.self());
        assertThat(facts).isNotEmpty().allSatisfy(f -> {
            assertThat(f.observed()).isFalse();
            assertThat(f.evidence()).isEqualTo("syscall probe disabled (--no-syscall-probe)");
        });
        assertThat(choice.calls).isEmpty();
    }

    @Test
    void anArchitectureWithoutNumbersIsReported() {
        List<Fact> facts = new SyscallProbe(SyscallProbeList.builtIn(), new RecordingChoice(), "riscv64", true).collect(ProbeContext.self());
        assertThat(facts.get(0).evidence()).contains("riscv64");
    }

    @Test
    void callsMissingOnTheArchitectureAreNotMadeAndSaySo() {
        RecordingChoice choice = new RecordingChoice();
        Map<String, Fact> f = byName(new SyscallProbe(SyscallProbeList.builtIn(), choice, "aarch64", true).collect(ProbeContext.self()));
        assertThat(f.get("syscall.iopl").observed()).isFalse();
        assertThat(f.get("syscall.iopl").evidence()).isEqualTo("iopl does not exist on aarch64");
        assertThat(choice.calls).extracting(SyscallCall::name).doesNotContain("iopl", "ioperm").contains("mount");
        assertThat(choice.calls).filteredOn(c -> c.name().equals("mount")).extracting(SyscallCall::number).containsExactly(40L);
    }

    @Test
    void theSweepIsChosenByTheSeccompModeOfTheTarget() throws Exception {
        RecordingChoice choice = new RecordingChoice();
        Map<String, Fact> f = byName(new SyscallProbe(SyscallProbeList.builtIn(), choice, "x86_64", true).collect(ProbeContext.self()));
        long mode = Long.parseLong(java.nio.file.Files.readString(Path.of("/proc/self/status")).lines()
                .filter(l -> l.startsWith("Seccomp:")).findFirst().orElseThrow().split("\\s+")[1]);
        assertThat(choice.modes).containsExactly(Optional.of(mode));
        assertThat(f.get("syscall.sweep").value()).isEqualTo("recorded");
        assertThat(f.get("syscall.mount").value()).isEqualTo("refused");
    }

    @Test
    void theKexecGuardLetsTheCallThroughOnlyWhenNoLoadCanBeUsedUp() {
        SyscallProbeSpec.Guard guard = SyscallProbeList.builtIn().stream().filter(s -> s.name().equals("kexec_load"))
                .findFirst().orElseThrow().onlyIf().orElseThrow();
        assertThat(SyscallProbe.guardFails(fixture("kexec-load-limit-unlimited"), guard)).isEmpty();
        assertThat(SyscallProbe.guardFails(fixture("kexec-load-limit-absent"), guard)).isEmpty();
        assertThat(SyscallProbe.guardFails(fixture("kexec-load-limit-finite"), guard).orElseThrow())
                .contains("kernel.kexec_load_limit_reboot is 3, not -1").contains("use one up");
        assertThat(SyscallProbe.guardFails(fixture("sysctl-tree-hidden"), guard).orElseThrow())
                .startsWith("cannot read kernel.kexec_load_limit_reboot");
    }

    @Test
    void mapsJvmArchitecturesToTheListsNames() {
        assertThat(SyscallProbe.architecture("amd64")).isEqualTo("x86_64");
        assertThat(SyscallProbe.architecture("aarch64")).isEqualTo("aarch64");
        assertThat(SyscallProbe.architecture("ppc64le")).isEqualTo("ppc64le");
    }

    /** Live: the real sweep on this machine; every call gets a verdict or a reason. */
    @Test
    void liveSweepJudgesEveryCall() {
        List<Fact> facts = ProbeRunner.run(new SyscallProbe(), ProbeContext.self());
        Map<String, Fact> f = byName(facts);
        assertThat(f.get("syscall.sweep").observed()).isTrue();
        System.out.println("syscall sweep: " + f.get("syscall.sweep").evidence());
        for (SyscallProbeSpec spec : SyscallProbeList.builtIn()) {
            Fact fact = f.get("syscall." + spec.name());
            if (fact.observed()) {
                assertThat(fact.value()).as(fact.evidence()).isIn(Set.of("allowed", "refused", "enosys", "killed"));
            } else {
                assertThat(fact.evidence()).as(spec.name()).isNotBlank().doesNotContain("reported nothing");
            }
        }
        // personality's query form needs no privilege and no kernel option: it can only be blocked by seccomp.
        assertThat(f.get("syscall.personality").value()).isIn("allowed", "refused", "killed");
    }
}
