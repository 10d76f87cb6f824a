package io.bulwark.seccomp;

import io.bulwark.os.KernelVersion;
import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.audit.Severity;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class LinterTest {
    private static final KernelVersion KERNEL = new KernelVersion(6, 1, 0);
    private static final List<LintFamily> FAMILIES = LintFamilies.bundled();

    private static LintReport lint(Profile profile, Set<String> caps) {
        Target t = new Target(Arch.X86_64, caps, KERNEL);
        return Linter.lint(new PolicyMeaning(PolicyResolver.resolve(profile, t), CompileOptions.DEFAULT), FAMILIES, caps);
    }

    private static Profile fixture(String name) {
        return ProfileLoader.load(Path.of("src/test/resources/io/bulwark/seccomp/lint", name));
    }

    private static Set<String> syscalls(LintReport r) {
        return r.findings().stream().map(LintFinding::syscall).collect(Collectors.toSet());
    }

    @Test
    void anUnconfinedProfileReportsEveryFamily() {
        LintReport r = lint(fixture("unconfined-every-arch.json"), Target.dockerDefaultCapabilities());
        Set<String> families = r.findings().stream().map(LintFinding::family).collect(Collectors.toSet());
        assertThat(families).containsExactlyInAnyOrderElementsOf(FAMILIES.stream().map(LintFamily::id).toList());
        assertThat(r.notChecked()).isEmpty();
        assertThat(r.findings().get(0).level()).isEqualTo(Severity.CRITICAL);
        assertThat(r.breaches(Severity.CRITICAL)).isTrue();
    }

    @Test
    void argumentDependentFamiliesAreFoundThroughTheProfilesConditions() {
        LintReport r = lint(fixture("namespaces-only-through-clone-flags.json"), Set.of());
        assertThat(syscalls(r)).containsExactlyInAnyOrder("clone", "personality");
        LintFinding clone = r.findings().stream().filter(f -> f.syscall().equals("clone")).findFirst().orElseThrow();
        assertThat(clone.severity()).isEqualTo("high");
        assertThat(clone.example()).isEqualTo("arg0 == 0x10000000");
        assertThat(r.notChecked()).containsExactly("vm86: none of its syscalls exists on x86_64");
        assertThat(r.breaches(Severity.HIGH)).isTrue();
        assertThat(r.breaches(Severity.CRITICAL)).isFalse();
    }

    @Test
    void strictReportsOnlyHandlesAndClockReads() {
        LintReport r = lint(ProfileLoader.bundled("strict"), Target.dockerDefaultCapabilities());
        assertThat(syscalls(r)).containsExactlyInAnyOrder("name_to_handle_at", "adjtimex", "clock_adjtime");
        assertThat(r.breaches(Severity.MEDIUM)).isFalse();
    }

    @Test
    void aCapabilityTheKernelStillRequiresLowersTheSeverityOnlyWhenMissing() {
        LintReport without = lint(ProfileLoader.bundled("strict"), Target.dockerDefaultCapabilities());
        LintFinding adjtimex = without.findings().stream().filter(f -> f.syscall().equals("adjtimex")).findFirst().orElseThrow();
        assertThat(adjtimex.severity()).isEqualTo("info");
        assertThat(adjtimex.note()).startsWith("the kernel still requires CAP_SYS_TIME");

        LintReport with = lint(ProfileLoader.bundled("strict"), Set.of("CAP_SYS_TIME"));
        assertThat(with.findings()).filteredOn(f -> f.syscall().equals("adjtimex")).extracting(LintFinding::severity)
                .containsExactly("high");
        assertThat(syscalls(with)).contains("clock_settime", "settimeofday");
    }

    @Test
    void aCompiledProgramLintsAsItsProfile() {
        PolicyMeaning profile = ExplainerTest.profile("lint/namespaces-only-through-clone-flags.json");
        LintReport compiled = Linter.lint(ExplainerTest.compiled(profile), FAMILIES, Set.of());
        assertThat(syscalls(compiled)).containsExactlyInAnyOrder("clone", "personality");
    }

    @Test
    void everyFamilyMemberIsASyscallBulwarkKnows() {
        Set<String> known = SyscallNames.all();
        for (LintFamily f : FAMILIES) {
            assertThat(f.syscalls()).as(f.id()).allMatch(m -> known.contains(m.name()));
        }
    }

    @Test
    @Tag("anchors")
    void dockersDefaultWithDefaultCapabilitiesReportsPtraceHandlesAndClockReads() {
        Path docker = Paths.get(System.getProperty("bulwark.shared.dir", "../shared"), "anchors", "docker-default-seccomp.json");
        LintReport r = lint(ProfileLoader.load(docker), Target.dockerDefaultCapabilities());
        assertThat(r.findings()).extracting(f -> f.severity() + " " + f.syscall()).containsExactly(
                "medium ptrace", "medium process_vm_readv", "medium process_vm_writev",
                "low name_to_handle_at", "info adjtimex", "info clock_adjtime");
        LintReport allCaps = lint(ProfileLoader.load(docker), Set.of("CAP_SYS_ADMIN"));
        assertThat(syscalls(allCaps)).contains("mount", "unshare", "setns", "clone", "clone3", "bpf");
    }
}
