package io.bulwark.seccomp;

import io.bulwark.os.KernelVersion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.InputException;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProfileLoaderTest {

    @Test
    void everyFieldIsRead() {
        Profile p = ProfileLoader.load(Reference.fixture("every-feature.json"));
        assertThat(p.defaultAction()).isEqualTo(Action.errno(1));
        assertThat(p.archMap()).hasSize(3);
        assertThat(p.archMap().get(0).subArchitectures()).containsExactly("SCMP_ARCH_X86", "SCMP_ARCH_X32");
        assertThat(p.flags()).containsExactly("SECCOMP_FILTER_FLAG_SPEC_ALLOW");
        SyscallRule clone = p.syscalls().stream().filter(r -> r.names().equals(java.util.List.of("clone"))).findFirst().orElseThrow();
        assertThat(clone.args()).containsExactly(new ArgCondition(0, 2114060288L, 0, CompareOp.MASKED_EQ));
        assertThat(clone.excludes().caps()).containsExactly("CAP_SYS_ADMIN");
        assertThat(clone.excludes().arches()).containsExactly("s390", "s390x");
        SyscallRule madvise = p.syscalls().stream().filter(r -> r.names().contains("madvise")).findFirst().orElseThrow();
        assertThat(madvise.args().get(0).value()).isEqualTo(0xffffffff00000000L);
        assertThat(p.syscalls().stream().filter(r -> r.names().contains("tgkill")).findFirst().orElseThrow().action())
                .isEqualTo(new Action(Action.Kind.TRACE, 7));
        assertThat(p.syscalls().stream().filter(r -> r.names().contains("tkill")).findFirst().orElseThrow().action())
                .isEqualTo(Action.KILL_THREAD);
        assertThat(p.syscalls().stream().filter(r -> r.names().contains("ptrace")).findFirst().orElseThrow().includes().minKernel())
                .isEqualTo(new KernelVersion(4, 8, 0));
    }

    @Test
    void theOldSingleNameFormatLoads() {
        Profile p = ProfileLoader.load(Reference.fixture("old-name-format.json"));
        assertThat(p.architectures()).containsExactly("SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32");
        assertThat(p.syscalls()).extracting(SyscallRule::names).containsExactly(
                java.util.List.of("read"), java.util.List.of("write"), java.util.List.of("personality"));
    }

    @Test
    void podmansErrnoNamesBesideTheNumbersLoad() {
        Profile p = ProfileLoader.load(Reference.fixture("podman-errno-names.json"));
        assertThat(p.syscalls()).extracting(SyscallRule::names).contains(java.util.List.of("swapon"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "bad-json-trailing-comma.json    | not valid JSON at line 3",
        "unknown-action.json             | $.syscalls[1].action: unknown action 'SCMP_ACT_PERMIT'",
        "unknown-operator.json           | $.syscalls[0].args[0].op: unknown operator 'SCMP_CMP_ABOUT'",
        "arg-index-six.json              | $.syscalls[1].args[0].index: argument index 6 is out of range",
        "architectures-and-archmap.json  | $: both 'architectures' and 'archMap' are given",
        "misspelt-key.json               | $.syscalls[0].arg: unknown key 'arg'",
        "name-and-names.json             | $.syscalls[0]: both 'name' and 'names' are given",
        "unknown-architecture.json       | $.architectures[1]: unknown architecture 'SCMP_ARCH_Z80'",
        "negative-value.json             | $.syscalls[0].args[0].value: -1 is outside 0..18446744073709551615"})
    void aMalformedProfileIsOneLineNamingTheFileAndThePlace(String file, String message) {
        Path path = Reference.fixture(file);
        assertThatThrownBy(() -> ProfileLoader.load(path))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(path + ": ")
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void anArchitectureWithoutATableIsRefusedWhenResolved() {
        Profile p = ProfileLoader.load(Reference.fixture("mips-only.json"));
        assertThatThrownBy(() -> PolicyResolver.resolve(p, Target.host()))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("mips-only.json: $.architectures: SCMP_ARCH_MIPS cannot be compiled");
    }

    @Test
    @Tag("anchors")
    void dockersProfileLoadsUnchangedInBothFormats() {
        Path anchors = Paths.get(System.getProperty("bulwark.shared.dir", "../shared"), "anchors");
        Profile current = ProfileLoader.load(anchors.resolve("docker-default-seccomp.json"));
        Profile old = ProfileLoader.load(anchors.resolve("docker-old-format-seccomp.json"));
        assertThat(current.archMap()).isNotEmpty();
        assertThat(current.syscalls()).hasSizeGreaterThan(30);
        assertThat(old.syscalls()).hasSizeGreaterThan(300);
        Policy policy = PolicyResolver.resolve(current, new Target(Arch.X86_64, Target.dockerDefaultCapabilities(), new KernelVersion(6, 1, 0)));
        assertThat(policy.arches()).extracting(ArchPolicy::arch).containsExactly(Arch.X86_64, Arch.X86, Arch.X32);
        assertThat(Reference.disagreements(policy, CompileOptions.DEFAULT, Compiler.compile(policy, CompileOptions.DEFAULT).program())).isEmpty();
    }
}
