package io.bulwark.seccomp;

import io.bulwark.os.KernelVersion;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExplainerTest {
    private static final Target X86_64 = new Target(Arch.X86_64, Set.of(), new KernelVersion(6, 1, 0));
    private static final SyscallTable TABLE = SyscallTable.of(Arch.X86_64);

    static PolicyMeaning profile(String fixture) {
        Profile p = ProfileLoader.load(Path.of("src/test/resources/io/bulwark/seccomp", fixture));
        return new PolicyMeaning(PolicyResolver.resolve(p, X86_64), CompileOptions.DEFAULT);
    }

    static ProgramMeaning compiled(PolicyMeaning m) {
        return new ProgramMeaning("compiled", Compiler.compile(m.policy(), m.options()).program());
    }

    private static SyscallExplanation explain(FilterMeaning m, String name) {
        return Explainer.explain(m, Arch.X86_64, TABLE.number(name).getAsInt());
    }

    @Test
    void aProfileIsExplainedFromItsRules() {
        PolicyMeaning m = profile("explain/personality-and-mask.json");
        assertThat(explain(m, "personality").text())
                .isEqualTo("personality: ALLOW if arg0 == 0x0 | 0x8 | 0xffffffff; else ERRNO(EPERM)");
        assertThat(explain(m, "clone").text()).isEqualTo("clone: ALLOW if (arg0 & 0x7e020000) == 0x0; else ERRNO(EPERM)");
        assertThat(explain(m, "getpid").text()).isEqualTo("getpid: KILL_PROCESS");
        assertThat(explain(m, "mount").text()).isEqualTo("mount: ERRNO(EPERM)");
    }

    @Test
    void aCompiledProgramIsExplainedFromSamplesAndSaysSo() {
        ProgramMeaning m = compiled(profile("explain/personality-and-mask.json"));
        SyscallExplanation personality = explain(m, "personality");
        assertThat(personality.inferred()).isTrue();
        assertThat(personality.verdict()).startsWith("ALLOW if arg0 == 0x0 | 0x8 | 0xffffffff; else ERRNO(EPERM) (inferred from ")
                .endsWith(" argument samples)");
        SyscallExplanation clone = explain(m, "clone");
        assertThat(clone.conditional()).isTrue();
        assertThat(clone.branches()).extracting(SyscallExplanation.Branch::action).containsExactly(Action.ALLOW);
        assertThat(clone.otherwise()).isEqualTo(Action.errno(1));
        assertThat(explain(m, "getpid").text()).isEqualTo("getpid: KILL_PROCESS");
        assertThat(m.arches()).containsExactly(Arch.X86_64);
    }

    @Test
    void everySyscallIsGroupedByAction() {
        ArchExplanation all = ArchExplanation.of(profile("explain/read-allowed-write-refused.json"), Arch.X86_64);
        assertThat(all.byAction().keySet()).containsExactly("ALLOW", "ERRNO(EACCES)");
        assertThat(all.byAction().get("ERRNO(EACCES)")).containsExactly("write");
        assertThat(all.byAction().get("ALLOW")).contains("read", "openat").doesNotContain("write");
        assertThat(all.conditional()).isEmpty();
        assertThat(all.text()).contains("  ERRNO(EACCES) (1):\n    write\n");
        assertThat(List.copyOf(all.byAction().get("ALLOW")).size() + 1).isEqualTo(TABLE.byNumber().size());
    }
}
