package io.bulwark.it;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real rootful podman containers (runc): the default, and root mapped away with --uidmap. */
@Tag("engines")
class PodmanScanIT {
    /** podman 4's default capabilities: Docker's minus MKNOD, NET_RAW and AUDIT_WRITE. */
    static final List<String> PODMAN_DEFAULT_CAPS = List.of("CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL",
            "NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT");
    /** The /proc paths podman masks by default. */
    static final List<String> MASKED_PROC = List.of("acpi", "kcore", "keys", "latency_stats", "sched_debug", "scsi",
            "timer_list", "timer_stats");

    @TempDir
    static Path work;
    private static ContainerEngine podman;

    /**
     * The engine with the test image imported, made on first use, so that a missing engine
     * skips (or, in CI, fails) each test by name with the reason.
     */
    private static ContainerEngine podman() throws IOException {
        if (podman == null) {
            ContainerEngine engine = ContainerEngine.podman();
            engine.importImage(BusyboxRootfs.buildTar(work));
            podman = engine;
        }
        return podman;
    }

    @AfterAll
    static void removeImage() {
        if (podman != null) {
            podman.close();
        }
    }

    @Test
    @DisplayName("podman run (defaults): seccomp on, podman's caps, pids limit 2048, masked /proc")
    void defaultContainer() throws IOException {
        ContainerEngine.ContainerScan scan = podman().scan("default");
        ExpectedFacts expected = ExpectedFacts.in(scan.report())
                .is("runtime.name", "podman")
                .is("runtime.in_container", true)
                .text("runtime.container_id", "this container's id " + scan.containerId(),
                        id -> DockerScanIT.isIdOf(id, scan.containerId()))
                .is("user.root_is_host_root", true)
                .is("ns.user.shared", true)
                .is("ns.pid.shared", false)
                .is("ns.net.shared", false)
                .is("seccomp.mode", 2)
                .listIs("caps.effective", PODMAN_DEFAULT_CAPS)
                .is("cgroup.pids.max", 2048)
                .is("proc.sys.writable", false)
                .is("sys.writable", false)
                // podman's profile (containers-common seccomp.json) differs from Docker's: it lets
                // mount, unshare and keyctl through to the kernel, refuses kexec_load and, without
                // CAP_SYS_ADMIN, bpf, and answers ENOSYS for what it does not list, such as add_key.
                .is("syscall.mount", "allowed")
                .is("syscall.unshare", "allowed")
                .is("syscall.keyctl", "allowed")
                .is("syscall.kexec_load", "refused")
                .is("syscall.bpf", "refused")
                .is("syscall.add_key", "enosys")
                .is("syscall.request_key", "enosys");
        for (String name : MASKED_PROC) {
            expected.is("proc." + name + ".readable", false);
        }
        expected.verify();
    }

    @Test
    @DisplayName("podman run --privileged: every capability podman holds, no seccomp, nothing masked, host devices")
    void privilegedContainer() throws IOException {
        ContainerEngine.ContainerScan scan = podman().scan("privileged", "--privileged");
        PrivilegedContainer.expect(scan.report(), "podman").verify();
    }

    @Test
    @DisplayName("podman run --uidmap 0:100000:65536: container root is host uid 100000")
    void rootMappedAway() throws IOException {
        ContainerEngine.ContainerScan scan = podman().scan("uidmap", "--uidmap", "0:100000:65536");
        ExpectedFacts.in(scan.report())
                .is("runtime.name", "podman")
                .is("user.uid", 0)
                .is("user.uid_map", "0 100000 65536")
                .is("ns.user.shared", false)
                .is("user.root_is_host_root", false)
                .is("user.is_host_root", false)
                .verify();
    }
}
