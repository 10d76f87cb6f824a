package io.bulwark.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Escape attempts from inside a default run, each asserting that the kernel refused, and where
 * it is safe, that the same attempt works outside (so that the test can fail).
 */
class ContainmentTest {
    @TempDir
    Path dir;

    @Test
    void writesToProcSysAndSysrqAreRefused() throws Exception {
        Runs.Result r = Runs.run(dir, new Runs.Spec(), "sh", "-c",
                "echo evil > /proc/sys/kernel/hostname && echo WROTE-SYS;"
                        + " [ -e /proc/sysrq-trigger ] && echo h > /proc/sysrq-trigger && echo WROTE-SYSRQ; exit 0");
        assertThat(r.out()).doesNotContain("WROTE");
        assertThat(r.err()).contains("Read-only file system");
    }

    @Test
    void maskedProcFilesReadEmptyAndAreTheNullDevice() throws Exception {
        assertThat(Files.size(Path.of("/proc/timer_list")) > 0 || !Files.readString(Path.of("/proc/timer_list")).isEmpty()).isTrue();
        Runs.Result r = Runs.run(dir, new Runs.Spec(), "sh", "-c",
                "for f in /proc/kcore /proc/keys /proc/timer_list; do [ -e $f ] && echo $f $(wc -c < $f) $(stat -c %t:%T $f); done; exit 0");
        assertThat(r.out()).contains("/proc/timer_list 0 1:3", "/proc/keys 0 1:3");
        if (Files.exists(Path.of("/proc/kcore"))) {
            assertThat(r.out()).contains("/proc/kcore 0 1:3");
        }
    }

    @Test
    void sysIsReadOnlyAndFirmwareMasked() throws Exception {
        Runs.Result r = Runs.run(dir, new Runs.Spec(), "sh", "-c",
                "touch /sys/x 2>/dev/null && echo WROTE; ls -A /sys/firmware | wc -l; grep ' /sys ' /proc/mounts");
        assertThat(r.out()).doesNotContain("WROTE").contains("sysfs /sys sysfs ro,");
        assertThat(r.out().lines().findFirst().orElseThrow().trim()).isEqualTo("0");
    }

    @Test
    void noCapabilitiesAndNoNewPrivs() throws Exception {
        Runs.Result r = Runs.run(dir, new Runs.Spec(), "grep", "-E", "^(CapEff|CapBnd|CapAmb|NoNewPrivs)", "/proc/self/status");
        assertThat(r.out()).contains("CapEff:\t0000000000000000", "CapBnd:\t0000000000000000",
                "CapAmb:\t0000000000000000", "NoNewPrivs:\t1");
    }

    @Test
    void mountIsRefusedWithoutCapabilities() throws Exception {
        Runs.Result r = Runs.run(dir, new Runs.Spec(), "sh", "-c", "mount -t tmpfs x /tmp && echo MOUNTED; exit 0");
        assertThat(r.out()).doesNotContain("MOUNTED");
    }

    @Test
    void unshareIsRefusedByTheDefaultSeccompProfile() throws Exception {
        Runs.Spec spec = new Runs.Spec();
        spec.seccomp = "default";
        Runs.Result confined = Runs.run(dir, spec, "sh", "-c", "unshare -U true && echo UNSHARED; grep ^Seccomp: /proc/self/status");
        assertThat(confined.out()).doesNotContain("UNSHARED").contains("Seccomp:\t2");
        Runs.Spec unconfined = new Runs.Spec();
        unconfined.seccomp = SeccompPrograms.UNCONFINED;
        Runs.Result open = Runs.run(dir, unconfined, "sh", "-c", "unshare -U true && echo UNSHARED");
        assertThat(open.out()).contains("UNSHARED"); // the kernel alone allows it: seccomp is what refused
    }

    @Test
    void hostFdsAreClosedEvenWhenTheCallerLeaksThem() throws Exception {
        // bash opens fds 3..20 without close-on-exec and execs the executor, as a JVM's execv does.
        Path cache = dir.resolve("cache");
        Path exe = ExecutorBinary.extract(cache, HostView.current().euid());
        StringBuilder opens = new StringBuilder();
        for (int fd = 3; fd <= 20; fd++) {
            opens.append("exec ").append(fd).append("</; ");
        }
        List<Integer> statuses = new ArrayList<>();
        for (int n = 3; n <= 20; n++) {
            Runs.Spec spec = new Runs.Spec();
            spec.cwd = "/proc/self/fd/" + n;
            Path plan = Files.write(dir.resolve("plan-" + n), PlanEncoder.encode(Runs.plan(spec, "true")));
            Process p = new ProcessBuilder("bash", "-c", opens + "exec " + exe + " --plan " + plan)
                    .redirectErrorStream(true).redirectOutput(dir.resolve("out-" + n).toFile()).start();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            statuses.add(p.exitValue());
            assertThat(Files.readString(dir.resolve("out-" + n))).contains("chdir /proc/self/fd/" + n);
        }
        assertThat(statuses).containsOnly(125);
    }

    @Test
    void forkBombStopsAtPidsMaxAndTheHostStillAnswers() throws Exception {
        Runs.Spec spec = new Runs.Spec();
        spec.pidsMax = 40;
        Process p = Runs.start(dir, Runs.plan(spec, "sh", "-c",
                "sleep 4 & s=$!; echo ready; bomb() { bomb | bomb & }; bomb; wait $s"));
        Runs.awaitText(dir.resolve("out"));
        Path cg = Runs.pidsCgroup(p);
        Thread.sleep(1500);
        long current = Long.parseLong(Files.readString(cg.resolve("pids.current")).trim());
        String events = Files.readString(cg.resolve("pids.events")).trim();
        long start = System.nanoTime();
        Process host = new ProcessBuilder("true").start();
        assertThat(host.waitFor(5, TimeUnit.SECONDS)).isTrue();
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5000);
        assertThat(current).isLessThanOrEqualTo(40);
        assertThat(events).matches("max [1-9][0-9]*"); // forks were refused at the limit
        Runs.finish(dir, p);
        assertThat(cg).doesNotExist();
    }
}
