package io.bulwark.seccomp;

import io.bulwark.os.KernelVersion;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FilterDiffTest {

    @Test
    void aProfileAndItsCompiledProgramDecideTheSame() {
        PolicyMeaning profile = ExplainerTest.profile("explain/personality-and-mask.json");
        FilterDiff diff = FilterDiff.of(profile, ExplainerTest.compiled(profile));
        assertThat(diff.differences()).isEmpty();
        assertThat(diff.same()).isTrue();
        assertThat(diff.text()).contains("same decisions on x86_64");
    }

    @Test
    void differencesArePerSyscallWithAnArgumentVectorWhereTheyPart() {
        FilterDiff diff = FilterDiff.of(ExplainerTest.profile("explain/personality-and-mask.json"),
                ExplainerTest.profile("explain/read-allowed-write-refused.json"));
        assertThat(diff.same()).isFalse();
        SyscallDifference personality = diff.differences().stream().filter(d -> d.syscall().equals("personality")).findFirst().orElseThrow();
        assertThat(personality.arch()).isEqualTo("x86_64");
        assertThat(personality.a()).isEqualTo("ALLOW if arg0 == 0x0 | 0x8 | 0xffffffff; else ERRNO(EPERM)");
        assertThat(personality.b()).isEqualTo("ALLOW");
        assertThat(personality.actionA()).isEqualTo("ERRNO(EPERM)");
        assertThat(personality.actionB()).isEqualTo("ALLOW");
        SyscallDifference write = diff.differences().stream().filter(d -> d.syscall().equals("write")).findFirst().orElseThrow();
        assertThat(write.text()).isEqualTo("x86_64 write: A ALLOW\n              B ERRNO(EACCES)\n"
                + "              e.g. arguments 0: A ALLOW, B ERRNO(EACCES)");
        assertThat(diff.differences()).noneMatch(d -> d.syscall().equals("read"));
    }

    @Test
    void anArchitectureOnlyOneHandlesIsOneDifference() {
        Target t = new Target(Arch.X86_64, java.util.Set.of(), new KernelVersion(6, 1, 0));
        PolicyMeaning every = new PolicyMeaning(PolicyResolver.resolve(ProfileLoader.load(
                java.nio.file.Path.of("src/test/resources/io/bulwark/seccomp/lint/unconfined-every-arch.json")), t), CompileOptions.DEFAULT);
        FilterDiff diff = FilterDiff.of(every, ExplainerTest.profile("explain/read-allowed-write-refused.json"));
        assertThat(diff.archDifferences()).hasSize(2).allMatch(d -> d.contains("handled by A only"));
        assertThat(diff.differences()).extracting(SyscallDifference::syscall).containsExactly("write");
    }
}
