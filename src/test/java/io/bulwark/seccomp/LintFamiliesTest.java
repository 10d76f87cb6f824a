package io.bulwark.seccomp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.InputException;
import io.bulwark.audit.Severity;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LintFamiliesTest {

    private static List<LintFamily> parse(String fixture) throws Exception {
        Path p = Path.of("src/test/resources/io/bulwark/seccomp/lint", fixture);
        try (InputStream in = Files.newInputStream(p)) {
            return LintFamilies.parse(fixture, in);
        }
    }

    @Test
    void theShippedFamiliesCarrySeverityWhyAndArgumentConditions() {
        List<LintFamily> families = LintFamilies.bundled();
        assertThat(families).extracting(LintFamily::id).contains("module", "mount", "namespaces", "keyring", "bpf", "perf",
                "ptrace", "handle", "clock", "reboot", "kexec", "swap", "acct", "syslog", "io", "userfaultfd", "io_uring",
                "personality", "quotactl", "lookup_dcookie", "nfsservctl", "vm86");
        LintFamily ns = families.stream().filter(f -> f.id().equals("namespaces")).findFirst().orElseThrow();
        assertThat(ns.severity()).isEqualTo(Severity.HIGH);
        DangerCondition clone = ns.syscalls().stream().filter(m -> m.name().equals("clone")).findFirst().orElseThrow().when();
        assertThat(clone.holds(new long[] {0x10000000L, 0, 0, 0, 0, 0})).isTrue();
        assertThat(clone.holds(new long[] {0x11L, 0, 0, 0, 0, 0})).isFalse();
    }

    @Test
    void aFamilyWithoutSyscallsIsRefusedNamingThePlace() {
        assertThatThrownBy(() -> parse("families-missing-syscalls.yaml")).isInstanceOf(InputException.class)
                .hasMessage("families-missing-syscalls.yaml: families[0].syscalls: missing or empty; list the family's syscalls");
    }

    @Test
    void anUnknownSeverityIsRefused() {
        assertThatThrownBy(() -> parse("families-bad-severity.yaml")).isInstanceOf(InputException.class)
                .hasMessageStartingWith("families-bad-severity.yaml: families[0].severity: unknown severity 'dire'");
    }
}
