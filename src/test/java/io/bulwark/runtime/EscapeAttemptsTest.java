package io.bulwark.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Escape attempts by a small C payload (runtime/test/escape.c) from inside a default run, each
 * asserting that the kernel refused it; where the attempt is harmless, the same attempt made
 * outside (as root) succeeds or fails only past the permission check, so that the test can fail.
 */
class EscapeAttemptsTest {
    private static Path escape;

    @TempDir
    Path dir;

    @BeforeAll
    static void build() throws Exception {
        escape = NativeBuild.visibleInsideRuns(NativeBuild.tool("escape", "escape"));
    }

    private Runs.Result inside(String... attempt) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(escape.toString()));
        cmd.addAll(List.of(attempt));
        return Runs.run(dir, new Runs.Spec(), cmd.toArray(String[]::new));
    }

    private static String outside(String... attempt) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(escape.toString()));
        cmd.addAll(List.of(attempt));
        return outside(cmd);
    }

    private static String outside(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    /** Harmless when they work: outside they do, inside seccomp or the missing capability refuses. */
    @ParameterizedTest
    @ValueSource(strings = {"open_by_handle_at", "add_key", "keyctl", "bpf", "perf_event_open", "userfaultfd", "syslog"})
    void refusedInsideAllowedOutside(String attempt) throws Exception {
        assertThat(outside(attempt)).isEqualTo(attempt + " ok\n");
        assertThat(inside(attempt).out()).isEqualTo(attempt + " refused EPERM\n");
    }

    /** Would change the host: outside they fail only past the permission check (a bad argument). */
    @ParameterizedTest
    @ValueSource(strings = {"init_module", "kexec_load", "reboot", "swapon", "acct"})
    void refusedInsideBeforeTheirArgumentsAreLookedAt(String attempt) throws Exception {
        assertThat(outside(attempt)).startsWith(attempt + " refused ").doesNotContain("EPERM");
        assertThat(inside(attempt).out()).isEqualTo(attempt + " refused EPERM\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"clock_settime", "settimeofday"})
    void theClockCannotBeSet(String attempt) throws Exception {
        assertThat(inside(attempt).out()).isEqualTo(attempt + " refused EPERM\n");
    }

    @Test
    void kmsgIsNotInTheContainersDev() throws Exception {
        assertThat(outside("kmsg")).isEqualTo("kmsg ok\n");
        assertThat(inside("kmsg").out()).isEqualTo("kmsg refused ENOENT\n");
    }

    @Test
    void aDiskNodeCannotBeMade() throws Exception {
        assertThat(outside("mknod", dir.resolve("sda").toString())).isEqualTo("mknod ok\n");
        assertThat(inside("mknod", "/tmp/sda").out()).isEqualTo("mknod refused EPERM\n");
    }

    @Test
    void aProcessOutsideCannotBeTraced() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "60").start();
        try {
            String pid = Long.toString(sleeper.pid());
            assertThat(outside("ptrace", pid)).isEqualTo("ptrace ok\n");
            // The host pid means nothing in the container's pid namespace, and ptrace is filtered besides.
            assertThat(inside("ptrace", pid).out()).startsWith("ptrace refused ");
        } finally {
            sleeper.destroyForcibly();
        }
    }

    @Test
    void noCgroupHierarchyCanBeMountedForItsReleaseAgent() throws Exception { // CVE-2022-0492
        assertThat(inside("cgroup_mount", "/tmp").out()).isEqualTo("cgroup_mount refused EPERM\n");
        Runs.Result agents = Runs.run(dir, new Runs.Spec(), "sh", "-c", "ls /sys/fs/cgroup/*/release_agent 2>/dev/null | wc -l");
        assertThat(agents.out().trim()).isEqualTo("0");
    }

    @Test
    void theExecutorCannotBeReachedThroughProcOfPid1() throws Exception { // CVE-2019-5736
        assertThat(inside("proc1_exe").out()).isEqualTo("proc1_exe refused EACCES\n");
        Runs.Result write = Runs.run(dir, new Runs.Spec(), "sh", "-c", "echo x > /proc/1/exe && echo WROTE; exit 0");
        assertThat(write.out()).doesNotContain("WROTE");
    }

    /** The caller's terminal as the workload's stdin: TIOCSTI would type into the caller's shell. */
    @Test
    void noInputCanBePushedIntoTheCallersTerminal() throws Exception { // CVE-2017-5226
        String spawn = "import pty,sys; sys.exit(pty.spawn(sys.argv[1:]) >> 8)";
        Process direct = new ProcessBuilder("python3", "-c", spawn, escape.toString(), "tiocsti").redirectErrorStream(true).start();
        assertThat(new String(direct.getInputStream().readAllBytes())).contains("tiocsti ok");
        Path exe = ExecutorBinary.extract(dir.resolve("cache"), HostView.current().euid());
        Path plan = dir.resolve("p.plan");
        Files.write(plan, PlanEncoder.encode(Runs.plan(new Runs.Spec(), escape.toString(), "tiocsti")));
        Files.setPosixFilePermissions(plan, PosixFilePermissions.fromString("rw-------"));
        Process run = new ProcessBuilder("python3", "-c", spawn, exe.toString(), "--plan", plan.toString())
                .redirectErrorStream(true).start();
        String out = new String(run.getInputStream().readAllBytes());
        assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(out).contains("tiocsti refused EPERM");
    }

    /**
     * A setuid-root program in a rootfs (its bind is not nosuid), owned by the host uid that is
     * container root, run by uid 1000: no_new_privs keeps it uid 1000. Outside, the same program
     * owned by root makes uid 1000 root, so the test can fail.
     */
    @Test
    void aSetuidRootProgramDoesNotMakeAnotherUserRoot() throws Exception {
        Path shared = Files.createTempDirectory(Path.of("/var/tmp"), "bulwark-setuid-test");
        try {
            Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));
            Path outsideCopy = Files.copy(escape, shared.resolve("escape"));
            Files.setAttribute(outsideCopy, "unix:mode", 04755); // setuid: PosixFilePermissions has no bit for it
            assertThat(outside(List.of("setpriv", "--reuid=1000", "--regid=1000", "--clear-groups",
                    outsideCopy.toString(), "setuid_root"))).isEqualTo("setuid_root ok\n");
        } finally {
            Files.deleteIfExists(shared.resolve("escape"));
            Files.delete(shared);
        }

        Path rootfs = dir.resolve("rootfs");
        for (String d : List.of("bin", "dev", "proc", "sys", "tmp", "run")) {
            Files.createDirectories(rootfs.resolve(d));
        }
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Runs.Spec spec = new Runs.Spec();
        spec.rootfs = rootfs.toString();
        spec.uid = 1000;
        spec.gid = 1000;
        Path insideCopy = Files.copy(escape, rootfs.resolve("bin/escape"));
        Plan plan = Runs.plan(spec, "/bin/escape", "setuid_root");
        int containerRoot = Integer.parseInt(plan.uidMap().trim().split("\\s+")[1]);
        Files.setAttribute(insideCopy, "unix:uid", containerRoot);
        Files.setAttribute(insideCopy, "unix:gid", containerRoot);
        Files.setAttribute(insideCopy, "unix:mode", 04755); // after the chown, which clears it
        assertThat(Runs.finish(dir, Runs.start(dir, plan)).out()).isEqualTo("setuid_root refused EPERM\n");
    }
}
