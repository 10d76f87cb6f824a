package io.bulwark;

import io.bulwark.audit.Condition;
import io.bulwark.audit.Fact;
import io.bulwark.audit.Finding;
import io.bulwark.audit.FindingStatus;
import io.bulwark.audit.Operator;
import io.bulwark.audit.References;
import io.bulwark.audit.Report;
import io.bulwark.audit.Rule;
import io.bulwark.audit.Severity;
import io.bulwark.audit.Surface;
import io.bulwark.audit.Target;
import io.bulwark.audit.TargetReport;
import io.bulwark.audit.Waiver;
import io.bulwark.audit.Waivers;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Hand-built reports for the writers' tests: fixed time, fixed rules, every status, and text
 * that needs escaping. Independent of which probes and rule files exist.
 */
public final class SampleReports {
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
    public static final String VERSION = "1.2.3-test";

    public static final Rule ROOT = rule("T-ROOT-001", Surface.ROOT_USER, "Container root is host root", Severity.HIGH,
            "user.root_is_host_root", "Escapes land as host root.", "Use a user namespace (hostUsers: false).");
    public static final Rule SYS_ADMIN = rule("T-CAP-001", Surface.CAPABILITIES, "CAP_SYS_ADMIN is effective", Severity.CRITICAL,
            "caps.effective", "SYS_ADMIN is the new root.", "Drop SYS_ADMIN: docker run --cap-drop ALL");
    public static final Rule AMBIENT = rule("T-CAP-002", Surface.CAPABILITIES, "Ambient capabilities are set", Severity.LOW,
            "caps.ambient", "Ambient capabilities survive execve.", "Clear the ambient set.");
    public static final Rule PIDS = rule("T-PIDS-001", Surface.FORK_BOMB, "No pids limit", Severity.MEDIUM,
            "cgroup.pids.max", "A fork bomb takes the host down.", "Set --pids-limit 512.");
    public static final Rule SECCOMP = rule("T-SECCOMP-001", Surface.SECCOMP, "Seccomp is off", Severity.HIGH,
            "seccomp.mode", "Every syscall reaches the kernel <unfiltered> & unaudited.", "Use a \"default\" seccomp profile.");

    public static final Target SELF = new Target("self", "self", "the environment of bulwark itself (pid 42, hostname ci-7)");
    public static final Target POD = new Target("config", "deploy/pod.yaml", "Kubernetes pod spec deploy/pod.yaml");

    private SampleReports() {
    }

    /** One target: two failed (critical, high), one failed low, one passed, one not applicable. */
    public static Report selfOnly() {
        return new Report(VERSION, CLOCK.instant(), List.of(self()));
    }

    /** Two targets, the second a config file. */
    public static Report selfAndPod() {
        return new Report(VERSION, CLOCK.instant(), List.of(self(), pod()));
    }

    /** Every rule passes. */
    public static Report clean() {
        Fact noCaps = Fact.of("caps.effective", List.of(), "status CapEff: 0000000000000000");
        return new Report(VERSION, CLOCK.instant(), List.of(new TargetReport(SELF, List.of(noCaps), List.of(
                new Finding(SYS_ADMIN, FindingStatus.PASS, List.of(noCaps), "")))));
    }

    /** {@link #selfOnly()} with T-ROOT-001 waived until 2026-12-31 and the waiver of T-CAP-001 expired on 2026-01-31. */
    public static Report waived() {
        Waivers waivers = new Waivers(List.of(
                new Waiver("T-ROOT-001", "self", "CI runners are root by design (SEC-12)", LocalDate.parse("2026-12-31"), "waivers.yaml, waivers[0]"),
                new Waiver("T-CAP-001", "*bulwark*", "Needed for the FUSE test job", LocalDate.parse("2026-01-31"), "waivers.yaml, waivers[1]")));
        return waivers.apply(selfOnly(), LocalDate.parse("2026-03-01"));
    }

    public static TargetReport self() {
        Fact root = Fact.of("user.root_is_host_root", true, "ns/user is user:[4026531837], the host's initial user namespace");
        Fact caps = Fact.of("caps.effective", List.of("CHOWN", "SYS_ADMIN"), "status CapEff: 0000000000200001");
        Fact ambient = Fact.of("caps.ambient", List.of("NET_RAW"), "status CapAmb: 0000000000002000");
        Fact pids = Fact.unobserved("cgroup.pids.max", "no probe reported this fact for this target");
        Fact seccomp = Fact.of("seccomp.mode", 0L, "status Seccomp: 0 <none>");
        return new TargetReport(SELF, List.of(root, caps, ambient, pids, seccomp), List.of(
                new Finding(ROOT, FindingStatus.FAIL, List.of(root), ""),
                new Finding(SYS_ADMIN, FindingStatus.FAIL, List.of(caps), ""),
                new Finding(AMBIENT, FindingStatus.FAIL, List.of(ambient), ""),
                new Finding(PIDS, FindingStatus.NOT_APPLICABLE, List.of(pids), "cgroup.pids.max: " + pids.evidence()),
                new Finding(SECCOMP, FindingStatus.FAIL, List.of(seccomp), "")));
    }

    public static TargetReport pod() {
        Fact root = Fact.of("user.root_is_host_root", false, "spec.hostUsers: false");
        Fact caps = Fact.of("caps.effective", List.of("SYS_ADMIN"), "spec.containers[0].securityContext.capabilities.add: [SYS_ADMIN]");
        return new TargetReport(POD, List.of(root, caps), List.of(
                new Finding(ROOT, FindingStatus.PASS, List.of(root), ""),
                new Finding(SYS_ADMIN, FindingStatus.FAIL, List.of(caps), "")));
    }

    private static Rule rule(String id, Surface surface, String title, Severity severity, String fact, String why, String fix) {
        return new Rule(id, surface, title, severity,
                new References(List.of("5.4"), List.of("baseline: Capabilities")),
                new Condition.Test(fact, Operator.IS, true), why, fix, "default: bulwark run closes it", "test-rules/" + surface.id() + ".yaml");
    }
}
