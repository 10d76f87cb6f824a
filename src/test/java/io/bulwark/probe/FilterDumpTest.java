package io.bulwark.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.bulwark.seccomp.Action;
import io.bulwark.seccomp.Arch;
import io.bulwark.seccomp.SeccompData;
import io.bulwark.seccomp.SyscallTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seccomp filters of a real process, read with ptrace; the process runs on untraced afterwards, even if the tracer is killed. */
class FilterDumpTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final String LOADER = "src/test/resources/io/bulwark/probe/seccomp-filter.py";

    @Test
    void twoStackedFiltersAreReadExactlyAndTheProcessIsLeftRunningUntraced() throws Exception {
        long target = underFilters("EPERM=mount", "--", PYTHON.toString(), LOADER, "kill_process=kexec_load", "--", "/bin/sleep", "600");
        try {
            FilterDump.Outcome outcome = FilterDump.of(target, Duration.ofSeconds(5));
            assertThat(outcome.problem()).isNull();
            assertThat(outcome.filters()).hasSize(2);
            FilterVerdicts stack = new FilterVerdicts(outcome.filters(), Set.of(), "test");
            assertThat(stack.verdict(call("mount")).kind()).isEqualTo(Action.Kind.ERRNO);
            assertThat(stack.verdict(call("kexec_load")).kind()).isEqualTo(Action.Kind.KILL_PROCESS);
            assertThat(stack.verdict(call("getpid")).kind()).isEqualTo(Action.Kind.ALLOW);
            assertNotTracedAndRunning(target);
        } finally {
            ProcessHandle.of(target).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void aProcessWithoutFilterGivesAnEmptyStack() throws Exception {
        long target = detached(List.of("/bin/sleep", "600"));
        try {
            assumeTrue(status(target).contains("Seccomp:\t0"), "the test runs without a seccomp filter of its own");
            FilterDump.Outcome outcome = FilterDump.of(target, Duration.ofSeconds(5));
            assertThat(outcome.problem()).isNull();
            assertThat(outcome.filters()).isEmpty();
            assertNotTracedAndRunning(target);
        } finally {
            ProcessHandle.of(target).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void aPidThatDoesNotExistIsAProblemNamedNotAnException() {
        FilterDump.Outcome outcome = FilterDump.of(999_999_999L, Duration.ofSeconds(1));
        assertThat(outcome.dumped()).isFalse();
        assertThat(outcome.problem()).contains("PTRACE_SEIZE failed with ESRCH");
    }

    @Test
    void killingTheScannerWhileAttachedReleasesTheProcess(@TempDir Path tmp) throws Exception {
        long target = underFilters("EPERM=mount", "--", "/bin/sleep", "600");
        Path attached = tmp.resolve("attached");
        Process scanner = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-D" + FilterDump.PAUSE_PROPERTY + "=" + attached,
                FilterDumpChild.class.getName(), Long.toString(target))
                .redirectErrorStream(true).redirectOutput(tmp.resolve("scanner.log").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.exists(attached) && scanner.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(attached).as("the scanner attached; its log: %s", Files.readString(tmp.resolve("scanner.log"))).exists();
            String during = status(target);
            assertThat(field(during, "TracerPid")).isNotEqualTo("0");
            assertThat(field(during, "State")).startsWith("t");

            scanner.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            assertThat(scanner.isAlive()).isFalse();
            Thread.sleep(100);
            assertNotTracedAndRunning(target);
        } finally {
            scanner.destroyForcibly();
            ProcessHandle.of(target).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    /** {@code seccomp-filter.py RULES... -- COMMAND}: the command under a filter from libseccomp's Python binding; its pid. */
    static long underFilters(String... rulesAndCommand) throws Exception {
        assumeTrue(Files.isExecutable(PYTHON), "needs /usr/bin/python3");
        Process check = new ProcessBuilder(PYTHON.toString(), "-c", "import seccomp").start();
        assumeTrue(check.waitFor(30, TimeUnit.SECONDS) && check.exitValue() == 0, "needs python3-seccomp");
        List<String> argv = new ArrayList<>(List.of(PYTHON.toString(), LOADER));
        argv.addAll(List.of(rulesAndCommand));
        return detached(argv);
    }

    /**
     * Starts {@code argv} as a grandchild, not a child: the JDK's reaper thread waits for every
     * child of this JVM and would take the ptrace stop's report as its exit. Returns the pid of
     * the process, or its descendant, that runs /bin/sleep, once it does.
     */
    static long detached(List<String> argv) throws Exception {
        StringBuilder line = new StringBuilder();
        for (String arg : argv) {
            line.append('\'').append(arg.replace("'", "'\\''")).append("' ");
        }
        Process sh = new ProcessBuilder("/bin/sh", "-c", line + ">/dev/null 2>&1 </dev/null & echo $!").start();
        long pid = Long.parseLong(new String(sh.getInputStream().readAllBytes()).strip());
        sh.waitFor();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            Optional<ProcessHandle> sleeping = ProcessHandle.of(pid).stream().flatMap(p -> Stream.concat(Stream.of(p), p.descendants()))
                    .filter(p -> runsSleep(p.pid())).findFirst();
            if (sleeping.isPresent()) {
                return sleeping.get().pid();
            }
            Thread.sleep(20);
        }
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        throw new AssertionError("the command did not start: " + argv);
    }

    private static boolean runsSleep(long pid) {
        try {
            return Files.readString(Path.of("/proc/" + pid + "/cmdline")).startsWith("/bin/sleep");
        } catch (IOException e) {
            return false;
        }
    }

    static void assertNotTracedAndRunning(long target) throws IOException {
        String status = status(target);
        assertThat(ProcessHandle.of(target).map(ProcessHandle::isAlive)).contains(true);
        assertThat(field(status, "TracerPid")).isEqualTo("0");
        assertThat(field(status, "State")).doesNotStartWith("t").doesNotStartWith("T");
    }

    private static SeccompData call(String name) {
        Arch arch = Arch.host();
        return SeccompData.of(arch, SyscallTable.of(arch).number(name).orElseThrow(), new long[0]);
    }

    static String status(long pid) throws IOException {
        return Files.readString(Path.of("/proc/" + pid + "/status"));
    }

    static String field(String status, String name) {
        return status.lines().filter(l -> l.startsWith(name + ":")).findFirst().orElseThrow().substring(name.length() + 1).strip();
    }
}
