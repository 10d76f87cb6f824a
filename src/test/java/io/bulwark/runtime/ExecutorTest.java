package io.bulwark.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The executor (runtime/exec.c) on the real kernel, started as a child with plans from the
 * planner: exit statuses, signals, cgroups, ids, and failure before the workload starts.
 */
class ExecutorTest {
    @TempDir
    Path dir;

    /** The plan's seccomp flags reach seccomp(2): valid ones install, a bit the kernel does not know is refused. */
    @Test
    void theFilterIsInstalledWithThePlansFlags() throws Exception {
        Plan p = Runs.plan(new Runs.Spec(), "grep", "^Seccomp:", "/proc/self/status");
        Runs.Result logged = Runs.finish(dir, Runs.start(dir, withSeccompFlags(p, 2 | 4))); // LOG | SPEC_ALLOW
        assertThat(logged.status()).as(logged.err()).isZero();
        assertThat(logged.out()).isEqualTo("Seccomp:\t2\n");
        Runs.Result unknown = Runs.finish(dir, Runs.start(dir, withSeccompFlags(p, 1 << 30)));
        assertThat(unknown.status()).isEqualTo(125);
        assertThat(unknown.err()).isEqualTo("bulwark-exec: seccomp SECCOMP_SET_MODE_FILTER : Invalid argument\n");
    }

    /** A root-owned directory: container root may not write it through a bind, but may through an idmapped one. */
    @Test
    void anIdmappedBindLetsContainerRootWriteWhatHostRootOwns() throws Exception {
        Path shared = Files.createDirectories(dir.resolve("shared"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));
        Runs.Spec plain = new Runs.Spec();
        plain.binds = List.of(new BindSpec(shared.toString(), "/tmp/shared", false));
        String attempt = "stat -c %u /tmp/shared; touch /tmp/shared/made && echo WROTE; exit 0";
        assertThat(Runs.run(dir, plain, "sh", "-c", attempt).out()).isEqualTo("65534\n");
        Runs.Spec idmapped = new Runs.Spec();
        idmapped.binds = List.of(new BindSpec(shared.toString(), "/tmp/shared", false, true));
        Runs.Result r = Runs.run(dir, idmapped, "sh", "-c", attempt);
        assertThat(r.out()).as(r.err()).isEqualTo("0\nWROTE\n");
        assertThat(Files.getAttribute(shared.resolve("made"), "unix:uid")).isEqualTo(0);
    }

    private static Plan withSeccompFlags(Plan p, int flags) {
        return new Plan(p.namespaces(), p.uidMap(), p.gidMap(), p.setgroups(), p.cgroups(), p.mounts(), p.hostname(),
                p.rlimits(), p.uid(), p.gid(), p.groups(), p.capBounding(), p.capEffective(), p.seccomp(), flags, p.env(),
                p.argv(), p.cwd());
    }

    @Test
    void returnsTheWorkloadsExitStatus() throws Exception {
        assertThat(Runs.run(dir, new Runs.Spec(), "sh", "-c", "exit 7").status()).isEqualTo(7);
    }

    @Test
    void aWorkloadKilledBySignalGives128PlusN() throws Exception {
        assertThat(Runs.run(dir, new Runs.Spec(), "sh", "-c", "kill -KILL $$").status()).isEqualTo(128 + 9);
    }

    @Test
    void commandNotFoundGives127AndNotExecutableGives126() throws Exception {
        // Through a path the planner cannot check in advance: relative to the cwd.
        Runs.Spec spec = new Runs.Spec();
        spec.cwd = "/etc";
        assertThat(Runs.run(dir, spec, "./no-such-command").status()).isEqualTo(127);
        assertThat(Runs.run(dir, spec, "./passwd").status()).isEqualTo(126);
    }

    @Test
    void rootInsideIsAnUnprivilegedHostId() throws Exception {
        Runs.Result r = Runs.run(dir, new Runs.Spec(), "sh", "-c", "id -u; cat /proc/self/uid_map");
        assertThat(r.out().lines().toList()).first().isEqualTo("0");
        String[] map = r.out().lines().skip(1).findFirst().orElseThrow().trim().split("\\s+");
        assertThat(map[0]).isEqualTo("0");
        assertThat(Long.parseLong(map[1])).isGreaterThan(0);
    }

    @Test
    void sigtermToTheExecutorReachesTheWorkload() throws Exception {
        Process p = Runs.start(dir, Runs.plan(new Runs.Spec(), "sh", "-c",
                "trap 'exit 42' TERM; echo ready; while :; do sleep 0.05; done"));
        Runs.awaitText(dir.resolve("out"));
        p.destroy(); // SIGTERM
        assertThat(Runs.finish(dir, p).status()).isEqualTo(42);
    }

    @Test
    void cgroupHoldsTheLimitAndIsRemovedAfterExit() throws Exception {
        Runs.Spec spec = new Runs.Spec();
        spec.pidsMax = 77;
        Process p = Runs.start(dir, Runs.plan(spec, "sh", "-c", "echo ready; sleep 30"));
        Runs.awaitText(dir.resolve("out"));
        Path cg = Runs.pidsCgroup(p);
        assertThat(Files.readString(cg.resolve("pids.max")).trim()).isEqualTo("77");
        p.destroy();
        Runs.finish(dir, p);
        assertThat(cg).doesNotExist();
    }

    @Test
    void cgroupIsRemovedAfterSigkillOfTheWorkload() throws Exception {
        Process p = Runs.start(dir, Runs.plan(new Runs.Spec(), "sleep", "30"));
        Path cg = Runs.pidsCgroup(p);
        long workload = -1;
        for (int i = 0; i < 500 && workload < 0; i++) {
            Thread.sleep(20);
            workload = Files.exists(cg) ? Files.readAllLines(cg.resolve("cgroup.procs")).stream().mapToLong(Long::parseLong)
                    .filter(pid -> comm(pid).equals("sleep")).findFirst().orElse(-1) : -1;
        }
        assertThat(workload).isPositive();
        new ProcessBuilder("kill", "-KILL", Long.toString(workload)).start().waitFor();
        assertThat(Runs.finish(dir, p).status()).isEqualTo(128 + 9);
        assertThat(cg).doesNotExist();
    }

    @Test
    void aFailedStepNeverStartsTheWorkload() throws Exception {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
        Path shared = Files.createDirectory(dir.resolve("shared"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxrwxrwx")));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path gone = Files.createDirectory(dir.resolve("gone"));
        Runs.Spec spec = new Runs.Spec();
        spec.binds = List.of(new BindSpec(shared.toString(), "/tmp/shared", false), new BindSpec(gone.toString(), "/tmp/gone", false));
        Plan plan = Runs.plan(spec, "touch", "/tmp/shared/marker");
        Files.delete(gone); // the planner saw it; the executor will not
        Runs.Result r = Runs.finish(dir, Runs.start(dir, plan));
        assertThat(r.status()).isEqualTo(125);
        assertThat(r.err()).contains("stat bind source " + gone);
        assertThat(shared.resolve("marker")).doesNotExist();

        Files.createDirectory(gone); // the same plan with the source back: the marker appears
        assertThat(Runs.finish(dir, Runs.start(dir, plan)).status()).isZero();
        assertThat(shared.resolve("marker")).exists();
    }

    @Test
    void twentyConcurrentRunsLeaveNoCgroupBehind() throws Exception {
        byte[] plan = PlanEncoder.encode(Runs.plan(new Runs.Spec(), "sh", "-c", "sleep 0.2"));
        Launcher launcher = Runs.launcher(dir.resolve("cache"));
        List<Process> runs = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            runs.add(launcher.start(plan, ProcessBuilder.Redirect.DISCARD, ProcessBuilder.Redirect.INHERIT));
        }
        for (Process p : runs) {
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isZero();
            assertThat(Runs.pidsCgroup(p)).doesNotExist();
        }
    }

    @Test
    void aPlanFileOthersCanWriteIsRefused() throws Exception {
        Path cache = dir.resolve("cache");
        Path exe = ExecutorBinary.extract(cache, HostView.current().euid());
        Path plan = Files.write(dir.resolve("p.plan"), PlanEncoder.encode(Runs.plan(new Runs.Spec(), "true")));
        Files.setPosixFilePermissions(plan, PosixFilePermissions.fromString("rw-rw-rw-"));
        Process p = new ProcessBuilder(exe.toString(), "--plan", plan.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(125);
        assertThat(out).contains("not ours alone");
    }

    private static String comm(long pid) {
        try {
            return Files.readString(Path.of("/proc/" + pid + "/comm")).trim();
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
