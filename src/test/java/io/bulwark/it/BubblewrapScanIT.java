package io.bulwark.it;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bubblewrap with every namespace unshared, every capability dropped and a seccomp filter
 * exported with libseccomp for this test, passed on a file descriptor.
 */
@Tag("engines")
class BubblewrapScanIT {
    /** Refused with EPERM by the test's filter; everything else is allowed. */
    private static final List<String> FILTERED = List.of(
            "mount", "unshare", "init_module", "finit_module", "keyctl", "add_key", "request_key", "bpf", "ptrace");
    /** bwrap reads the filter from this descriptor; the shell opens the file on it. */
    private static final int FILTER_FD = 9;

    @TempDir
    Path work;

    @Test
    @DisplayName("bwrap --unshare-all --cap-drop ALL --seccomp FD: filter on, no capabilities, nothing shared")
    void sandboxWithFilterAndNoCapabilities() throws IOException, URISyntaxException {
        Path bwrap = Prerequisites.requireExecutable("bubblewrap", "bwrap");
        Path filter = exportFilter();

        List<String> argv = new ArrayList<>(List.of("/bin/sh", "-c", "exec \"$@\" " + FILTER_FD + "<\"$BULWARK_IT_FILTER\"", "sh",
                bwrap.toString(), "--unshare-all", "--cap-drop", "ALL", "--seccomp", String.valueOf(FILTER_FD),
                "--die-with-parent", "--new-session",
                "--symlink", "usr/lib", "/lib", "--symlink", "usr/lib64", "/lib64", "--symlink", "usr/bin", "/bin",
                "--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp",
                "--ro-bind", ScannerJvm.jar().toString(), ScannerJvm.JAR_INSIDE));
        for (Path dir : ScannerJvm.hostDirectories()) {
            argv.addAll(List.of("--ro-bind", dir.toString(), dir.toString()));
        }
        argv.add("--");
        argv.addAll(ScannerJvm.scanArgv(ScannerJvm.JAR_INSIDE));
        HostCommand.Result result = HostCommand.run(Duration.ofMinutes(2), argv,
                Map.of("BULWARK_IT_FILTER", filter.toString()), null).requireSuccess();
        ScanReport report = ScanReport.parse("bwrap --unshare-all --cap-drop ALL --seccomp", result.stdout());

        ExpectedFacts expected = ExpectedFacts.in(report)
                .is("seccomp.mode", 2)
                .is("seccomp.filters", 1)
                .is("privesc.no_new_privs", true) // bwrap sets it before installing the filter
                .listIs("caps.effective", List.of())
                .listIs("caps.permitted", List.of())
                .listIs("caps.bounding", List.of())
                .is("ns.user.shared", false)
                .is("ns.pid.shared", false)
                .is("ns.net.shared", false)
                .is("ns.ipc.shared", false)
                .is("ns.uts.shared", false)
                .is("ns.mnt.shared", false)
                .is("ns.cgroup.shared", false);
        for (String syscall : FILTERED) {
            expected.is("syscall." + syscall, "refused");
        }
        // Not in the filter and harmless without capabilities: the probe must tell them apart.
        expected.is("syscall.personality", "allowed")
                .verify();
    }

    /** Runs the export script under /usr/bin/python3, the one python3-seccomp installs into. */
    private Path exportFilter() throws URISyntaxException {
        Path python = Prerequisites.requireExecutable("python3", "/usr/bin/python3");
        List<String> importBinding = List.of(python.toString(), "-c", "import seccomp");
        boolean binding = HostCommand.run(Duration.ofSeconds(20), importBinding).exitCode() == 0;
        Prerequisites.require(binding, "libseccomp's Python binding is missing (package python3-seccomp)");
        Path script = Path.of(BubblewrapScanIT.class.getResource("export-eperm-filter.py").toURI());
        Path filter = work.resolve("eperm-filter.bpf");
        List<String> argv = new ArrayList<>(List.of(python.toString(), script.toString(), filter.toString()));
        argv.addAll(FILTERED);
        HostCommand.run(Duration.ofSeconds(30), argv).requireSuccess();
        if (!Files.isRegularFile(filter)) {
            throw new AssertionError(script + " wrote no filter to " + filter);
        }
        return filter;
    }
}
