package io.bulwark.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code unshare -Urpf --mount-proc}: a new user namespace with the caller mapped to root,
 * a new pid namespace with its own /proc (hence a new mount namespace); ipc, uts and the
 * network stay the host's.
 */
@Tag("engines")
class UnshareScanIT {
    private static final long NOBODY = 65534;

    @TempDir
    static Path work;
    private static Path jar;

    @BeforeAll
    static void copyJarWhereNobodyCanReadIt() throws IOException {
        // The checkout may sit under a home directory that nobody cannot enter.
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        jar = Files.copy(ScannerJvm.jar(), work.resolve("bulwark.jar"), StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rw-r--r--"));
    }

    @Test
    @DisplayName("unprivileged unshare -Urpf: root inside is an ordinary user outside, pid and user namespaces are new")
    void unprivilegedUserBecomesRootOfItsOwnNamespace() {
        // As root, drop to nobody first, as an ordinary user would run it.
        long outside = HostKernel.uid() == 0 ? NOBODY : HostKernel.uid();
        List<String> asUser = List.of();
        if (HostKernel.uid() == 0) {
            Path setpriv = Prerequisites.requireExecutable("util-linux", "setpriv");
            asUser = List.of(setpriv.toString(), "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups");
        }
        ScanReport report = scan("unshare -Urpf --mount-proc (as uid " + outside + ")", asUser);
        ExpectedFacts.in(report)
                .is("user.uid", 0)
                .is("user.uid_map", "0 " + outside + " 1")
                .is("user.root_is_host_root", false)
                .is("user.is_host_root", false)
                .is("ns.user.shared", false)
                .is("ns.pid.shared", false)
                .is("ns.mnt.shared", false)
                // not unshared: these must still read as the host's
                .is("ns.ipc.shared", true)
                .is("ns.uts.shared", true)
                .verify();
    }

    @Test
    @DisplayName("unshare -Urpf as root: a new user namespace, but its root is still host uid 0")
    void rootMappedToItselfStaysHostRoot() {
        Assumptions.assumeTrue(HostKernel.uid() == 0, "needs root: only root can map uid 0 to itself");
        ScanReport report = scan("unshare -Urpf --mount-proc (as root)", List.of());
        ExpectedFacts.in(report)
                .is("user.uid_map", "0 0 1")
                .is("ns.user.shared", false)
                .is("ns.pid.shared", false)
                // uid 0 inside is uid 0 outside: files it creates on shared mounts are root's
                .is("user.root_is_host_root", true)
                .verify();
    }

    private static ScanReport scan(String environment, List<String> asUser) {
        Path unshare = Prerequisites.requireExecutable("util-linux", "unshare");
        List<String> probe = new ArrayList<>(asUser);
        probe.addAll(List.of(unshare.toString(), "-Ur", "true"));
        Prerequisites.require(HostCommand.run(Duration.ofSeconds(10), probe).exitCode() == 0,
                "this kernel refuses " + environment + " ('unshare -Ur true' fails)");
        List<String> argv = new ArrayList<>(asUser);
        argv.addAll(List.of(unshare.toString(), "-Urpf", "--mount-proc"));
        argv.addAll(ScannerJvm.scanArgv(jar.toString()));
        HostCommand.Result result = HostCommand.run(Duration.ofMinutes(2), argv, Map.of(), work).requireSuccess();
        return ScanReport.parse(environment, result.stdout());
    }
}
