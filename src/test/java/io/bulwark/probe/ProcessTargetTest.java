package io.bulwark.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.bulwark.InputException;
import io.bulwark.audit.Fact;
import io.bulwark.audit.FactSpec;
import io.bulwark.audit.FindingStatus;
import io.bulwark.os.Capability;
import io.bulwark.os.KernelVersion;
import io.bulwark.os.ProcStatus;
import io.bulwark.seccomp.Arch;
import io.bulwark.seccomp.BpfProgram;
import io.bulwark.seccomp.CompileOptions;
import io.bulwark.seccomp.Compiler;
import io.bulwark.seccomp.PolicyResolver;
import io.bulwark.seccomp.ProfileLoader;
import io.bulwark.seccomp.SeccompData;
import io.bulwark.seccomp.SyscallTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** scan --pid: another process seen from the host, judged by the same rules as scan --self. */
class ProcessTargetTest {

    @Test
    void aPidThatDoesNotExistIsBadInputNamingThePid() {
        assertThatThrownBy(() -> ProcessTarget.of(Path.of("/proc"), 999_999_999L, Probes.all(), null))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("--pid 999999999: no such process");
    }

    @Test
    void aProcessThatExitsDuringTheScanIsReportedGoneWithEveryFactUnobserved() throws Exception {
        Process child = new ProcessBuilder("sleep", "600").start();
        Probe killer = new Probe() {
            @Override
            public List<FactSpec> facts() {
                return List.of();
            }

            @Override
            public List<Fact> collect(ProbeContext ctx) throws Exception {
                child.destroyForcibly().waitFor();
                return List.of();
            }
        };
        List<Probe> probes = new ArrayList<>(List.of(new UserProbe(), new CapabilityProbe()));
        probes.add(0, killer);
        ProcessTarget target = ProcessTarget.of(Path.of("/proc"), child.pid(), probes, null);
        TargetVerdicts scanned = TargetVerdicts.of(target);
        assertThat(target.exited()).isTrue();
        assertThat(target.target().description()).contains("gone: it exited during the scan");
        assertThat(scanned.facts().all()).isNotEmpty().allSatisfy(f -> {
            assertThat(f.observed()).as(f.name()).isFalse();
            assertThat(f.evidence()).contains("exited during the scan");
        });
        assertThat(scanned.verdict("BW-CAP-001")).isEqualTo(FindingStatus.NOT_APPLICABLE);
    }

    @Test
    void aHostProcessSharesEveryNamespaceAndEachFactSaysItsView() throws Exception {
        Process child = new ProcessBuilder("sleep", "600").start();
        try {
            TargetVerdicts v = TargetVerdicts.of(ProcessTarget.of(child.pid()));
            assertThat(v.value("ns.pid.shared")).isEqualTo(true);
            assertThat(v.value("ns.mnt.shared")).isEqualTo(true);
            assertThat(v.value("runtime.in_container")).isEqualTo(false);
            assertThat(v.fact("ns.pid.shared").evidence()).contains("[host view: the host's /proc/" + child.pid() + "]");
            assertThat(v.fact("proc.kcore.readable").evidence()).contains("inside view: through /proc/" + child.pid() + "/root");
            assertThat(v.value("syscall.sweep")).isEqualTo("none");
            assertThat(v.fact("syscall.mount").evidence()).contains("through no seccomp filter", "[host view: the process's own seccomp filters");
        } finally {
            child.destroyForcibly();
        }
    }

    @Test
    void dockerContainersGetTheVerdictsTheirOptionsImply() throws Exception {
        try (ContainerEngine docker = ContainerEngine.docker()) {
            String plain = docker.start("pid-default", List.of());
            String admin = docker.start("pid-sys-admin", List.of("--cap-add", "SYS_ADMIN"));
            String unconfined = docker.start("pid-unconfined", List.of("--security-opt", "seccomp=unconfined"));
            String nnp = docker.start("pid-nnp", List.of("--security-opt", "no-new-privileges", "--pids-limit", "64"));
            String hostPid = docker.start("pid-host-pid", List.of("--pid", "host", "-v", "/run:/run", "--read-only"));
            String hostNet = docker.start("pid-host-net", List.of("--network", "host"));

            TargetVerdicts v = TargetVerdicts.of(ProcessTarget.of(docker.pid(plain)));
            assertThat(v.value("runtime.name")).isEqualTo("docker");
            assertThat(v.value("runtime.container_id")).isEqualTo(plain);
            assertThat(v.value("seccomp.mode")).isEqualTo(2L);
            assertThat(v.verdict("BW-CAP-001")).isEqualTo(FindingStatus.PASS);
            assertThat(v.verdict("BW-SECCOMP-001")).isEqualTo(FindingStatus.PASS);
            assertThat(v.verdict("BW-PRIVESC-002")).isEqualTo(FindingStatus.FAIL);
            assertThat(v.verdict("BW-NS-001")).isEqualTo(FindingStatus.PASS);
            assertThat(v.verdict("BW-ROOT-001")).isEqualTo(FindingStatus.FAIL);
            assertThat(v.verdict("BW-PROC-001")).isEqualTo(FindingStatus.PASS);
            assertThat(v.verdict("BW-SYS-001")).isEqualTo(FindingStatus.PASS);
            assertThat(v.verdict("BW-MOUNT-002")).isEqualTo(FindingStatus.PASS);
            assertThat(v.value("syscall.sweep")).isEqualTo("filter-dump");
            assertThat(v.value("syscall.keyctl")).isEqualTo(SyscallClassifier.REFUSED);
            assertThat(v.value("syscall.unshare")).isEqualTo(SyscallClassifier.REFUSED);
            assertThat(v.fact("syscall.keyctl").evidence()).contains("the process's 1 seccomp filter, dumped with PTRACE_SECCOMP_GET_FILTER");
            assertThat(FilterDumpTest.status(docker.pid(plain))).contains("TracerPid:\t0");

            TargetVerdicts a = TargetVerdicts.of(ProcessTarget.of(docker.pid(admin)));
            assertThat(a.verdict("BW-CAP-001")).isEqualTo(FindingStatus.FAIL);
            assertThat(a.value("syscall.unshare")).as("Docker's profile lets CAP_SYS_ADMIN unshare").isEqualTo(SyscallClassifier.ALLOWED);
            TargetVerdicts u = TargetVerdicts.of(ProcessTarget.of(docker.pid(unconfined)));
            assertThat(u.value("seccomp.mode")).isEqualTo(0L);
            assertThat(u.value("syscall.sweep")).isEqualTo("none");
            assertThat(u.verdict("BW-SECCOMP-001")).isEqualTo(FindingStatus.FAIL);

            TargetVerdicts n = TargetVerdicts.of(ProcessTarget.of(docker.pid(nnp)));
            assertThat(n.verdict("BW-PRIVESC-002")).isEqualTo(FindingStatus.PASS);
            assertThat(n.value("cgroup.pids.max")).isEqualTo(64L);
            assertThat(n.verdict("BW-PIDS-001")).isEqualTo(FindingStatus.PASS);
            assertThat(v.verdict("BW-PIDS-001")).isEqualTo(FindingStatus.FAIL);

            TargetVerdicts h = TargetVerdicts.of(ProcessTarget.of(docker.pid(hostPid)));
            assertThat(h.verdict("BW-NS-001")).isEqualTo(FindingStatus.FAIL);
            assertThat(h.verdict("BW-MOUNT-002")).isEqualTo(FindingStatus.FAIL);
            assertThat((List<?>) h.value("host_mounts.sensitive")).asString().contains("/run");
            assertThat(h.verdict("BW-NS-002")).as("--pid host leaves the network namespace its own").isEqualTo(FindingStatus.PASS);

            TargetVerdicts net = TargetVerdicts.of(ProcessTarget.of(docker.pid(hostNet)));
            assertThat(net.value("ns.net.shared")).isEqualTo(true);
            assertThat(net.verdict("BW-NS-002")).isEqualTo(FindingStatus.FAIL);
            assertThat(net.verdict("BW-NS-001")).isEqualTo(FindingStatus.PASS);
            assertThat(v.verdict("BW-NS-002")).isEqualTo(FindingStatus.PASS);
        }
    }

    @Test
    void podmanWithAUserNamespaceMapsRootAwayFromHostRoot() throws Exception {
        try (ContainerEngine podman = ContainerEngine.podman()) {
            String mapped = podman.start("pid-uidmap", List.of("--uidmap", "0:100000:65536", "--gidmap", "0:100000:65536"));
            String plain = podman.start("pid-plain", List.of());
            TargetVerdicts m = TargetVerdicts.of(ProcessTarget.of(podman.pid(mapped)));
            assertThat(m.value("runtime.name")).isEqualTo("podman");
            assertThat(m.value("runtime.container_id")).isEqualTo(mapped);
            assertThat(m.value("user.uid_map")).asString().contains("100000");
            assertThat(m.verdict("BW-ROOT-001")).isEqualTo(FindingStatus.PASS);
            assertThat(m.verdict("BW-NS-005")).isEqualTo(FindingStatus.PASS);
            TargetVerdicts p = TargetVerdicts.of(ProcessTarget.of(podman.pid(plain)));
            assertThat(p.verdict("BW-ROOT-001")).isEqualTo(FindingStatus.FAIL);
            assertThat(p.value("seccomp.mode")).isEqualTo(2L);
        }
    }

    @Test
    void aRuncBundleFromRuncSpecGetsTheVerdictsOfItsDefaults() throws Exception {
        try (OciBundle runc = OciBundle.runc("pid-runc")) {
            TargetVerdicts v = TargetVerdicts.of(ProcessTarget.of(runc.pid()));
            assertThat(v.value("ns.pid.shared")).isEqualTo(false);
            assertThat(v.value("ns.mnt.shared")).isEqualTo(false);
            assertThat(v.value("ns.net.shared")).isEqualTo(false);
            assertThat(v.value("ns.user.shared")).as("runc spec asks for no user namespace").isEqualTo(true);
            assertThat((List<?>) v.value("caps.effective")).asString().contains("KILL", "NET_BIND_SERVICE", "AUDIT_WRITE");
            assertThat((List<?>) v.value("caps.effective")).hasSize(3);
            assertThat(v.value("privesc.no_new_privs")).isEqualTo(true);
            assertThat(v.value("seccomp.mode")).as("runc spec writes no seccomp section").isEqualTo(0L);
            assertThat(v.verdict("BW-NS-001")).isEqualTo(FindingStatus.PASS);
            assertThat(v.verdict("BW-NS-005")).isEqualTo(FindingStatus.FAIL);
            assertThat(v.verdict("BW-ROOT-001")).isEqualTo(FindingStatus.FAIL);
            assertThat(v.verdict("BW-CAP-001")).isEqualTo(FindingStatus.PASS);
            assertThat(v.verdict("BW-PRIVESC-002")).isEqualTo(FindingStatus.PASS);
            assertThat(v.verdict("BW-SECCOMP-001")).isEqualTo(FindingStatus.FAIL);
            assertThat(v.verdict("BW-MOUNT-002")).isEqualTo(FindingStatus.PASS);
            assertThat(v.value("runtime.name")).as("named by runc's state on the host, as no cgroup path names runc")
                    .isEqualTo("runc");
            assertThat(v.value("runtime.container_id")).isEqualTo(runc.id());
            FilterDumpTest.assertNotTracedAndRunning(runc.pid());
        }
    }

    @Test
    void aCrunContainerIsNamedByCrunsStateOnTheHost() throws Exception {
        try (OciBundle crun = OciBundle.crun("pid-crun")) {
            TargetVerdicts v = TargetVerdicts.of(ProcessTarget.of(crun.pid()));
            assertThat(v.value("runtime.name")).isEqualTo("crun");
            assertThat(v.value("runtime.container_id")).isEqualTo(crun.id());
            assertThat(v.value("ns.pid.shared")).isEqualTo(false);
            assertThat(v.value("privesc.no_new_privs")).isEqualTo(true);
            assertThat(v.verdict("BW-CAP-001")).isEqualTo(FindingStatus.PASS);
        }
    }

    @Test
    void anUnprivilegedUnshareSandboxHasItsOwnUserNamespaceMappingRootAway() throws Exception {
        long sleep = unshareSandboxAsNobody();
        try {
            TargetVerdicts v = TargetVerdicts.of(ProcessTarget.of(sleep));
            assertThat(v.value("ns.user.shared")).isEqualTo(false);
            assertThat(v.value("ns.pid.shared")).isEqualTo(false);
            assertThat(v.value("ns.mnt.shared")).isEqualTo(false);
            assertThat(v.value("ns.net.shared")).isEqualTo(true);
            assertThat(v.value("user.uid_map")).asString().contains("65534");
            assertThat(v.value("user.is_host_root")).isEqualTo(false);
            assertThat(v.verdict("BW-NS-005")).isEqualTo(FindingStatus.PASS);
            assertThat(v.verdict("BW-ROOT-001")).isEqualTo(FindingStatus.PASS);
            assertThat(v.verdict("BW-ROOT-002")).isEqualTo(FindingStatus.PASS);
            assertThat(v.verdict("BW-NS-002")).isEqualTo(FindingStatus.FAIL);
            assertThat(v.verdict("BW-SECCOMP-001")).isEqualTo(FindingStatus.FAIL);
        } finally {
            stopUnshareSandbox(sleep);
        }
    }

    /** {@code unshare -Urpf --mount-proc sleep 600} run by uid 65534; the pid of its sleep, pid 1 of the new pid namespace. */
    static long unshareSandboxAsNobody() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/unshare")) && Files.isExecutable(Path.of("/usr/bin/setpriv")),
                "needs unshare and setpriv");
        return FilterDumpTest.detached(List.of("/usr/bin/setpriv", "--reuid", "65534", "--regid", "65534", "--clear-groups",
                "/usr/bin/unshare", "-Urpf", "--mount-proc", "/bin/sleep", "600"));
    }

    static void stopUnshareSandbox(long sleep) {
        ProcessHandle.of(sleep).ifPresent(p -> {
            p.parent().ifPresent(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        });
    }

    @Test
    void podmansDefaultProfileDumpedFromAContainerAgreesWithTheCompiledProfileForEverySyscall() throws Exception {
        Path profile = Path.of("/usr/share/containers/seccomp.json");
        assumeTrue(Files.isRegularFile(profile), "podman's default profile is installed");
        assertDumpAgreesWithProfile("pid-default-profile", List.of(), profile);
    }

    /** The Docker profile bulwark ships, handed to podman as a file: the live filter says of every call what the profile says. */
    @Test
    void dockersProfileGivenToPodmanAsAFileAgreesWithTheCompiledProfileForEverySyscall() throws Exception {
        Path profile = Path.of("seccomp-profiles/default.json").toAbsolutePath();
        assertDumpAgreesWithProfile("pid-docker-profile", List.of("--security-opt", "seccomp=" + profile), profile);
    }

    private static void assertDumpAgreesWithProfile(String name, List<String> options, Path profile) throws Exception {
        try (ContainerEngine podman = ContainerEngine.podman()) {
            long pid = podman.pid(podman.start(name, options));
            FilterDump.Outcome dumped = FilterDump.of(pid, Duration.ofSeconds(5));
            assertThat(dumped.problem()).isNull();
            assertThat(dumped.filters()).hasSize(1);
            Set<String> caps = Capability.names(ProcStatus.parse(FilterDumpTest.status(pid)).hex("CapEff").orElseThrow())
                    .stream().map(c -> "CAP_" + c).collect(Collectors.toSet());
            Arch arch = Arch.host();
            BpfProgram compiled = Compiler.compile(PolicyResolver.resolve(ProfileLoader.load(profile),
                    new io.bulwark.seccomp.Target(arch, caps, KernelVersion.running())), CompileOptions.DEFAULT).program();
            FilterVerdicts live = new FilterVerdicts(dumped.filters(), Set.of(), "dump");
            FilterVerdicts expected = new FilterVerdicts(List.of(compiled), Set.of(), "profile");
            SyscallTable table = SyscallTable.of(arch);
            assertThat(table.byName()).hasSizeGreaterThan(300);
            table.byName().forEach((call, nr) -> assertThat(live.verdict(SeccompData.of(arch, nr)))
                    .as(call).isEqualTo(expected.verdict(SeccompData.of(arch, nr))));
            FilterDumpTest.assertNotTracedAndRunning(pid);
        }
    }
}
