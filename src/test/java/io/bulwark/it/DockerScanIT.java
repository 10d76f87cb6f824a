package io.bulwark.it;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real Docker containers: the default and the options that open (or close) a surface. */
@Tag("engines")
class DockerScanIT {
    /** Docker's default capability set, unchanged for years. */
    static final List<String> DOCKER_DEFAULT_CAPS = List.of("AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID",
            "KILL", "MKNOD", "NET_BIND_SERVICE", "NET_RAW", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT");
    /** Docker's default seccomp profile refuses these to a container without extra capabilities. */
    static final List<String> REFUSED_BY_DEFAULT = List.of("mount", "umount2", "pivot_root", "unshare", "setns",
            "init_module", "finit_module", "delete_module", "kexec_load", "swapon", "bpf", "keyctl", "add_key",
            "request_key", "clock_settime", "settimeofday", "open_by_handle_at", "iopl", "ioperm", "kcmp", "syslog", "acct");

    @TempDir
    static Path work;
    private static ContainerEngine docker;

    /**
     * The engine with the test image imported, made on first use, so that a missing engine
     * skips (or, in CI, fails) each test by name with the reason.
     */
    private static ContainerEngine docker() throws IOException {
        if (docker == null) {
            ContainerEngine engine = ContainerEngine.docker();
            engine.importImage(BusyboxRootfs.buildTar(work));
            docker = engine;
        }
        return docker;
    }

    @AfterAll
    static void removeImage() {
        if (docker != null) {
            docker.close();
        }
    }

    @Test
    @DisplayName("docker run (defaults): seccomp on, default caps, masked /proc, no pids limit, root is host root")
    void defaultContainer() throws IOException {
        ContainerEngine.ContainerScan scan = docker().scan("default");
        ExpectedFacts expected = ExpectedFacts.in(scan.report())
                .is("runtime.name", "docker")
                .is("runtime.in_container", true)
                .text("runtime.container_id", "this container's id " + scan.containerId(), id -> isIdOf(id, scan.containerId()))
                .is("user.uid", 0)
                .is("user.root_is_host_root", true) // no user namespace by default
                .is("user.is_host_root", true)
                .is("ns.user.shared", true)
                .is("ns.pid.shared", false)
                .is("ns.net.shared", false)
                .is("ns.ipc.shared", false)
                .is("ns.uts.shared", false)
                .is("ns.mnt.shared", false)
                // Docker keeps the host's cgroup namespace on cgroup v1 and hybrid hosts
                .is("ns.cgroup.shared", !HostKernel.cgroupV2Only())
                .is("seccomp.mode", 2)
                .atLeast("seccomp.filters", 1)
                .is("privesc.no_new_privs", false)
                .listIs("caps.effective", DOCKER_DEFAULT_CAPS)
                .listIs("caps.bounding", DOCKER_DEFAULT_CAPS)
                .is("caps.last_cap", HostKernel.capLastCap())
                .listContains("caps.missing_from_bounding", "SYS_ADMIN", "SYS_MODULE", "SYS_PTRACE", "SYS_TIME", "SYSLOG")
                .is("cgroup.pids.max", -1) // Docker sets no pids limit unless asked
                .is("proc.sys.writable", false)
                .is("proc.sysrq_trigger.writable", false)
                .is("proc.irq.writable", false)
                .is("proc.bus.writable", false)
                .is("proc.fs.writable", false)
                .is("sys.writable", false)
                .is("sys.firmware.exposed", false)
                .is("dev.mem_present", false)
                .is("dev.kmsg_present", false)
                .listIs("dev.extra_nodes", List.of())
                .listIs("dev.block_devices", List.of())
                .is("host_mounts.docker_socket", false)
                .listIs("host_mounts.sockets", List.of());
        for (String name : PrivilegedContainer.MASKED_PROC) {
            expected.is("proc." + name + ".readable", false);
        }
        for (String syscall : REFUSED_BY_DEFAULT) {
            expected.is("syscall." + syscall, "refused");
        }
        expected.verify();
    }

    @Test
    @DisplayName("docker run --privileged: every capability, no seccomp, /proc and /sys writable, host devices")
    void privilegedContainer() throws IOException {
        // Docker 20.10 asks runc for every capability the kernel knows, not those it holds, and
        // fails ("unable to apply caps") on a host whose bounding set lacks one (moby/moby#42906).
        // podman asks for its bounding set; PodmanScanIT covers --privileged on such hosts.
        Assumptions.assumeTrue(HostKernel.boundingSetIsFull(), "this host's bounding set holds " + HostKernel.boundingSetSize()
                + " of " + (HostKernel.capLastCap() + 1) + " capabilities: docker run --privileged cannot start here");
        ContainerEngine.ContainerScan scan = docker().scan("privileged", "--privileged");
        PrivilegedContainer.expect(scan.report(), "docker").verify();
    }

    @Test
    @DisplayName("docker run --cap-add SYS_ADMIN --security-opt seccomp=unconfined: mount and keyctl reachable")
    void sysAdminWithoutSeccomp() throws IOException {
        ContainerEngine.ContainerScan scan = docker().scan("sysadmin-unconfined",
                "--cap-add", "SYS_ADMIN", "--security-opt", "seccomp=unconfined");
        List<String> caps = new ArrayList<>(DOCKER_DEFAULT_CAPS);
        caps.add("SYS_ADMIN");
        ExpectedFacts.in(scan.report())
                .is("seccomp.mode", 0)
                .listIs("caps.effective", caps)
                .is("syscall.mount", "allowed")    // CAP_SYS_ADMIN and no filter
                .is("syscall.unshare", "allowed")
                .is("syscall.keyctl", "allowed")   // needs no capability: only the filter refused it
                .is("syscall.add_key", "allowed")
                .is("syscall.reboot", "refused")   // still no CAP_SYS_BOOT, which reboot(2) checks first
                .is("proc.kcore.readable", false)     // still masked: not privileged
                .is("proc.sys.writable", false)
                .verify();
    }

    @Test
    @DisplayName("docker run --pids-limit 64: the container's pids.max is 64")
    void pidsLimit() throws IOException {
        ContainerEngine.ContainerScan scan = docker().scan("pids-limit", "--pids-limit", "64");
        ExpectedFacts.in(scan.report())
                .is("cgroup.pids.max", 64)
                .atLeast("cgroup.pids.current", 1) // the scanner's own JVM counts
                .verify();
    }

    @Test
    @DisplayName("docker run --pid host: the pid namespace is the host's")
    void hostPidNamespace() throws IOException {
        ContainerEngine.ContainerScan scan = docker().scan("pid-host", "--pid", "host");
        ExpectedFacts.in(scan.report())
                .is("ns.pid.shared", true)
                .is("ns.net.shared", false)
                .is("ns.ipc.shared", false)
                .verify();
    }

    @Test
    @DisplayName("docker run -v /run:/run: the Docker socket and a sensitive host path are mounted")
    void hostRunMounted() throws IOException {
        ContainerEngine.ContainerScan scan = docker().scan("run-mounted", "-v", "/run:/run");
        ExpectedFacts.in(scan.report())
                .is("host_mounts.docker_socket", true)
                .listHas("host_mounts.sockets", "the Docker socket", path -> path.endsWith("/docker.sock"))
                .listNotEmpty("host_mounts.sensitive")
                .verify();
    }

    /** The fact may hold the full id or a prefix of it (12 characters at least, as docker ps shows). */
    static boolean isIdOf(String reported, String fullId) {
        return reported.length() >= 12 && fullId.startsWith(reported);
    }
}
