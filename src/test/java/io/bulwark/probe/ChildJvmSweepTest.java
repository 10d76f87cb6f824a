package io.bulwark.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Live: child JVMs of the same java and class path as this test JVM. */
class ChildJvmSweepTest {
    private static final Duration START = Duration.ofSeconds(30);

    private static ChildJvmSweep sweep(Duration callTimeout) {
        return ChildJvmSweep.likeThisJvm(START, callTimeout);
    }

    private static SyscallOutcome.Kind kind(SyscallSweep.Result r, int i) {
        return r.outcomes().get(i).kind();
    }

    @Test
    void aChildMakesTheCallsAndReportsEach() {
        SyscallSweep.Result r = sweep(Duration.ofSeconds(5)).run(List.of(
                HarmlessCalls.call("a", "getpid"),
                HarmlessCalls.call("b", "personality", 0xffffffffL)));
        assertThat(r.outcomes()).extracting(SyscallOutcome::name).containsExactly("a", "b");
        assertThat(kind(r, 0)).isEqualTo(SyscallOutcome.Kind.RETURNED);
        assertThat(r.outcomes().get(0).returned()).isNotEqualTo(ProcessHandle.current().pid()).isPositive();
        assertThat(r.processes()).isEqualTo(1);
    }

    @Test
    void aChildThatVanishesMidCallMarksThatCallKilledAndANewChildCarriesOn() {
        // exit_group stands in for a filter action: the child ends inside the call without answering.
        SyscallSweep.Result r = sweep(Duration.ofSeconds(5)).run(List.of(
                HarmlessCalls.call("before", "getpid"),
                HarmlessCalls.call("thread", "exit_group", 0L),
                HarmlessCalls.call("signal", "exit_group", 159L),
                HarmlessCalls.call("crash", "exit_group", 3L),
                HarmlessCalls.call("after", "getpid")));
        assertThat(r.outcomes()).extracting(SyscallOutcome::name).containsExactly("before", "thread", "signal", "crash", "after");
        assertThat(kind(r, 0)).isEqualTo(SyscallOutcome.Kind.RETURNED);
        assertThat(kind(r, 1)).isEqualTo(SyscallOutcome.Kind.KILLED);
        assertThat(r.outcomes().get(1).detail()).contains("KILL_THREAD");
        assertThat(kind(r, 2)).isEqualTo(SyscallOutcome.Kind.KILLED);
        assertThat(r.outcomes().get(2).detail()).contains("SIGSYS (status 159)");
        assertThat(kind(r, 3)).isEqualTo(SyscallOutcome.Kind.NOT_RUN);
        assertThat(r.outcomes().get(3).detail()).contains("exit status 3").contains("during this call");
        assertThat(kind(r, 4)).isEqualTo(SyscallOutcome.Kind.RETURNED);
        assertThat(r.processes()).isEqualTo(4);
    }

    @Test
    void aCallThatNeverAnswersIsKilledAfterTheTimeout() {
        SyscallSweep.Result r = sweep(Duration.ofMillis(1500)).run(List.of(
                HarmlessCalls.call("stuck", "ppoll", 0L, 0L, 0L, 0L),
                HarmlessCalls.call("after", "getpid")));
        assertThat(kind(r, 0)).isEqualTo(SyscallOutcome.Kind.KILLED);
        assertThat(r.outcomes().get(0).detail()).contains("no answer within 1500 ms");
        assertThat(kind(r, 1)).isEqualTo(SyscallOutcome.Kind.RETURNED);
    }

    @Test
    void aChildThatCannotStartLeavesEveryCallUnmadeWithTheReason() {
        List<String> launcher = new ArrayList<>(ChildJvmSweep.launcherLikeThisJvm());
        launcher.set(launcher.indexOf("-cp") + 1, "/nonexistent");
        SyscallSweep.Result r = new ChildJvmSweep(launcher, START, Duration.ofSeconds(5)).run(List.of(
                HarmlessCalls.call("a", "getpid"), HarmlessCalls.call("b", "getpid")));
        assertThat(r.outcomes()).allSatisfy(o -> {
            assertThat(o.kind()).isEqualTo(SyscallOutcome.Kind.NOT_RUN);
            assertThat(o.detail()).contains("before the sweep").contains("SyscallSweepMain");
        });
        assertThat(r.processes()).isEqualTo(1);

        SyscallSweep.Result none = new ChildJvmSweep(List.of("/nonexistent/java"), START, Duration.ofSeconds(5))
                .run(List.of(HarmlessCalls.call("a", "getpid")));
        assertThat(none.outcomes().get(0).detail()).contains("cannot start a child JVM");
    }

    /** The real thing: a seccomp filter with KILL_PROCESS, TRAP, KILL_THREAD and ERRNO actions. */
    @Test
    void underARealFilterEachKillingActionIsRecordedAndTheSweepFinishes() throws Exception {
        Path python = Path.of("/usr/bin/python3");
        assumeTrue(Files.isExecutable(python), "needs /usr/bin/python3");
        Process check = new ProcessBuilder(python.toString(), "-c", "import seccomp").start();
        assumeTrue(check.waitFor(30, TimeUnit.SECONDS) && check.exitValue() == 0, "needs python3-seccomp");
        List<String> launcher = new ArrayList<>(List.of(python.toString(), "src/test/resources/io/bulwark/probe/seccomp-filter.py",
                "kill_process=getsid", "trap=getpgid", "kill_thread=personality", "--"));
        launcher.addAll(ChildJvmSweep.launcherLikeThisJvm());
        SyscallSweep.Result r = new ChildJvmSweep(launcher, START, Duration.ofSeconds(10)).run(List.of(
                HarmlessCalls.call("getpid", "getpid"),
                HarmlessCalls.call("getsid", "getsid", 0L),
                HarmlessCalls.call("getpgid", "getpgid", 0L),
                HarmlessCalls.call("personality", "personality", 0xffffffffL),
                HarmlessCalls.call("getpid-again", "getpid")));
        assertThat(r.outcomes()).extracting(SyscallOutcome::kind).containsExactly(
                SyscallOutcome.Kind.RETURNED, SyscallOutcome.Kind.KILLED, SyscallOutcome.Kind.KILLED,
                SyscallOutcome.Kind.KILLED, SyscallOutcome.Kind.RETURNED);
        assertThat(r.outcomes().get(1).detail()).contains("SIGSYS");
        assertThat(r.outcomes().get(2).detail()).contains("SIGSYS");
        assertThat(r.outcomes().get(3).detail()).contains("KILL_THREAD");
        assertThat(r.processes()).isEqualTo(4);
    }
}
