package io.bulwark.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.audit.Fact;
import io.bulwark.audit.Facts;
import io.bulwark.audit.Finding;
import io.bulwark.audit.FindingStatus;
import io.bulwark.audit.RuleEngine;
import io.bulwark.audit.RuleSet;
import io.bulwark.audit.Surface;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The probes of scan --self, and the verdicts their built-in rules give on facts they can report. */
class ProbesTest {
    private static final RuleSet RULES = RuleSet.load(Probes.catalog(), List.of());

    private static FindingStatus verdict(String ruleId, Fact... facts) {
        Finding finding = new RuleEngine(List.of(RULES.find(ruleId).orElseThrow())).evaluate(new Facts(List.of(facts))).get(0);
        return finding.status();
    }

    private static Fact caps(String... names) {
        return Fact.of("caps.effective", List.of(names), "test");
    }

    private static Fact syscall(String name, String value) {
        return Fact.of("syscall." + name, value, "test");
    }

    private static Fact unobserved(String name) {
        return Fact.unobserved(name, "syscall probe disabled");
    }

    @Test
    void everySurfaceOfThisWorkHasProbesAndRules() {
        List<String> facts = Probes.declarations().stream().map(s -> s.name()).toList();
        assertThat(facts).contains("ns.pid.shared", "ns.time.inode", "seccomp.mode", "seccomp.filters", "privesc.no_new_privs",
                "privesc.setuid_binaries", "syscall.mount", "modules.supported", "modules.disabled", "time.namespace_offsets",
                "syslog.dev_log_present", "syslog.dmesg_restrict");
        for (Surface surface : List.of(Surface.NAMESPACES, Surface.SECCOMP, Surface.PRIVILEGE_ESCALATION, Surface.KERNEL_MODULES,
                Surface.TIME, Surface.SYSLOG)) {
            assertThat(RULES.all()).as(surface.id()).anyMatch(r -> r.surface() == surface);
        }
        assertThat(RULES.all()).allSatisfy(r -> assertThat(r.runOption()).as(r.id()).isNotBlank());
    }

    @Test
    void aKernelWithoutModulesClosesModuleLoadingEvenWithTheCapability() {
        assertThat(verdict("BW-MOD-001", caps("SYS_MODULE"), syscall("init_module", "enosys"), syscall("finit_module", "enosys"),
                Fact.of("modules.supported", false, "t"), Fact.unobserved("modules.disabled", "no module support"),
                Fact.of("seccomp.mode", 0L, "t"))).isEqualTo(FindingStatus.PASS);
    }

    @Test
    void moduleLoadingIsOpenWithTheCapabilityAndAReachableCall() {
        assertThat(verdict("BW-MOD-001", caps("SYS_MODULE"), syscall("init_module", "enosys"), syscall("finit_module", "allowed")))
                .isEqualTo(FindingStatus.FAIL);
        assertThat(verdict("BW-MOD-001", caps("CHOWN"), syscall("init_module", "allowed"))).isEqualTo(FindingStatus.PASS);
        assertThat(verdict("BW-MOD-001", caps("SYS_MODULE"), syscall("init_module", "refused"), syscall("finit_module", "killed"),
                Fact.of("seccomp.mode", 2L, "t"))).isEqualTo(FindingStatus.PASS);
    }

    @Test
    void withoutTheSyscallProbeModuleLoadingIsJudgedFromTheKernelsState() {
        Fact[] base = {caps("SYS_MODULE"), unobserved("syscall.init_module"), unobserved("syscall.finit_module"),
            Fact.of("modules.supported", true, "t"), Fact.of("modules.disabled", false, "t")};
        assertThat(verdict("BW-MOD-001", concat(base, Fact.of("seccomp.mode", 0L, "t")))).isEqualTo(FindingStatus.FAIL);
        assertThat(verdict("BW-MOD-001", concat(base, Fact.of("seccomp.mode", 2L, "t")))).isEqualTo(FindingStatus.NOT_APPLICABLE);
    }

    @Test
    void aKernelWithoutTimeNamespacesMakesTheTimeRuleNotApplicable() {
        assertThat(verdict("BW-NS-008", Fact.unobserved("ns.time.shared", "no ns/time link"))).isEqualTo(FindingStatus.NOT_APPLICABLE);
        assertThat(verdict("BW-NS-008", Fact.of("ns.time.shared", true, "t"))).isEqualTo(FindingStatus.FAIL);
    }

    @Test
    void noNewPrivsMattersWhereSetuidProgramsAre() {
        Fact programs = Fact.of("privesc.setuid_binaries", List.of("/usr/bin/su"), "t");
        assertThat(verdict("BW-PRIVESC-001", Fact.of("privesc.no_new_privs", false, "t"), programs)).isEqualTo(FindingStatus.FAIL);
        assertThat(verdict("BW-PRIVESC-001", Fact.of("privesc.no_new_privs", true, "t"), programs)).isEqualTo(FindingStatus.PASS);
        assertThat(verdict("BW-PRIVESC-001", Fact.of("privesc.no_new_privs", false, "t"),
                Fact.of("privesc.setuid_binaries", List.of(), "t"))).isEqualTo(FindingStatus.PASS);
    }

    @Test
    void theClockRuleNeedsTheCapabilityAndAWayIn() {
        Fact[] refused = {syscall("clock_settime", "refused"), syscall("settimeofday", "refused"),
            syscall("clock_adjtime", "refused"), syscall("adjtimex", "allowed"), Fact.of("seccomp.mode", 2L, "t")};
        assertThat(verdict("BW-TIME-001", concat(refused, caps("SYS_TIME")))).isEqualTo(FindingStatus.FAIL);
        assertThat(verdict("BW-TIME-001", concat(refused, caps()))).isEqualTo(FindingStatus.PASS);
        assertThat(verdict("BW-TIME-002", refused)).isEqualTo(FindingStatus.PASS);
        assertThat(verdict("BW-TIME-001", caps("SYS_TIME"), unobserved("syscall.clock_settime"), unobserved("syscall.settimeofday"),
                unobserved("syscall.clock_adjtime"), unobserved("syscall.adjtimex"), Fact.of("seccomp.mode", 0L, "t")))
                .isEqualTo(FindingStatus.FAIL);
    }

    @Test
    void theKernelLogRuleIsNotPassedWhenSyslogCouldNotBeTried() {
        assertThat(verdict("BW-LOG-001", Fact.of("syslog.dev_kmsg_readable", false, "t"), syscall("syslog", "refused")))
                .isEqualTo(FindingStatus.PASS);
        assertThat(verdict("BW-LOG-001", Fact.of("syslog.dev_kmsg_readable", false, "t"), unobserved("syscall.syslog")))
                .isEqualTo(FindingStatus.NOT_APPLICABLE);
        assertThat(verdict("BW-LOG-001", Fact.of("syslog.dev_kmsg_readable", true, "t"), unobserved("syscall.syslog")))
                .isEqualTo(FindingStatus.FAIL);
    }

    @Test
    void seccompRulesReadTheModeAndTheCalls() {
        assertThat(verdict("BW-SECCOMP-001", Fact.of("seccomp.mode", 2L, "t"))).isEqualTo(FindingStatus.PASS);
        assertThat(verdict("BW-SECCOMP-001", Fact.of("seccomp.mode", 0L, "t"))).isEqualTo(FindingStatus.FAIL);
        assertThat(verdict("BW-SECCOMP-004", caps("DAC_READ_SEARCH"), syscall("open_by_handle_at", "refused"),
                Fact.of("seccomp.mode", 2L, "t"))).isEqualTo(FindingStatus.PASS);
        assertThat(verdict("BW-SECCOMP-006", syscall("mount", "killed"))).isEqualTo(FindingStatus.FAIL);
    }

    private static Fact[] concat(Fact[] facts, Fact more) {
        Fact[] all = java.util.Arrays.copyOf(facts, facts.length + 1);
        all[facts.length] = more;
        return all;
    }
}
