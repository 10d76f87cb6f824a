package io.bulwark.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Live: the sweep in this JVM. */
class InProcessSweepTest {

    @Test
    void reportsEachCallInOrderWithItsTimings() {
        SyscallSweep.Result r = new InProcessSweep(Duration.ofSeconds(5)).run(List.of(
                HarmlessCalls.call("first", "getpid"),
                HarmlessCalls.call("second", "getsid", 0L)));
        assertThat(r.outcomes()).extracting(SyscallOutcome::name).containsExactly("first", "second");
        assertThat(r.outcomes().get(0).kind()).isEqualTo(SyscallOutcome.Kind.RETURNED);
        assertThat(r.outcomes().get(0).returned()).isEqualTo(ProcessHandle.current().pid());
        assertThat(r.processes()).isZero();
        assertThat(r.setupMillis()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void aCallThatNeverReturnsIsKilledAndTheSweepGoesOnOnAFreshThread() {
        // ppoll(NULL, 0, NULL, NULL) blocks its thread until a signal: as a thread killed by a filter would never answer.
        SyscallSweep.Result r = new InProcessSweep(Duration.ofMillis(300)).run(List.of(
                HarmlessCalls.call("stuck", "ppoll", 0L, 0L, 0L, 0L),
                HarmlessCalls.call("after", "getpid")));
        assertThat(r.outcomes().get(0).kind()).isEqualTo(SyscallOutcome.Kind.KILLED);
        assertThat(r.outcomes().get(0).detail()).contains("300 ms").contains("KILL_THREAD");
        assertThat(r.outcomes().get(1).kind()).isEqualTo(SyscallOutcome.Kind.RETURNED);
        assertThat(r.outcomes().get(1).returned()).isEqualTo(ProcessHandle.current().pid());
    }
}
