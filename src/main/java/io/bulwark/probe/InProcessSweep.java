package io.bulwark.probe;

import io.bulwark.os.RawSyscall;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Makes the calls in this JVM, on a dedicated thread. Used only when no seccomp filter is in
 * force, so no call can kill the process; the per-call timeout still guards against a thread
 * that vanishes (a KILL_THREAD action) and would otherwise hang the scan.
 */
final class InProcessSweep implements SyscallSweep {
    /** Loading the binding is not a call: it gets far longer than a call does. */
    private static final Duration LOAD_TIMEOUT = Duration.ofSeconds(30);

    private final Duration callTimeout;

    InProcessSweep(Duration callTimeout) {
        this.callTimeout = callTimeout;
    }

    @Override
    public String mode() {
        return "in-process";
    }

    @Override
    public Result run(List<SyscallCall> calls) {
        List<SyscallOutcome> outcomes = new ArrayList<>();
        ExecutorService thread = newThread();
        long start = System.nanoTime();
        long loaded = start;
        try {
            Optional<String> unloadable = load(thread);
            loaded = System.nanoTime();
            if (unloadable.isPresent()) {
                calls.forEach(c -> outcomes.add(SyscallOutcome.notRun(c.name(), unloadable.get())));
                return result(outcomes, start, loaded);
            }
            call(thread, calls, outcomes);
            return result(outcomes, start, loaded);
        } finally {
            thread.shutdownNow();
        }
    }

    private static Result result(List<SyscallOutcome> outcomes, long start, long loaded) {
        return new Result(outcomes, (loaded - start) / 1_000_000, (System.nanoTime() - loaded) / 1_000_000, 0);
    }

    /** Makes the calls in order on {@code thread}, replacing it should one not come back. */
    private void call(ExecutorService first, List<SyscallCall> calls, List<SyscallOutcome> outcomes) {
        ExecutorService thread = first;
        try {
            for (int i = 0; i < calls.size(); i++) {
                SyscallCall call = calls.get(i);
                Future<RawSyscall.Result> result = thread.submit(() -> callAndTidy(call));
                try {
                    RawSyscall.Result r = result.get(callTimeout.toMillis(), TimeUnit.MILLISECONDS);
                    outcomes.add(SyscallOutcome.returned(call.name(), r.returned(), r.errno()));
                } catch (TimeoutException e) {
                    outcomes.add(SyscallOutcome.killed(call.name(), "the calling thread did not come back within "
                            + callTimeout.toMillis() + " ms: it was killed or is stuck (a seccomp KILL_THREAD action does this)"));
                    thread.shutdownNow();
                    thread = newThread();
                } catch (ExecutionException e) {
                    String why = "cannot call the kernel directly: " + e.getCause();
                    for (SyscallCall rest : calls.subList(i, calls.size())) {
                        outcomes.add(SyscallOutcome.notRun(rest.name(), why));
                    }
                    return;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    for (SyscallCall rest : calls.subList(i, calls.size())) {
                        outcomes.add(SyscallOutcome.notRun(rest.name(), "the scan was interrupted"));
                    }
                    return;
                }
            }
        } finally {
            if (thread != first) {
                thread.shutdownNow();
            }
        }
    }

    /** Loads the binding on the sweep's thread; the reason when it cannot be loaded. */
    private static Optional<String> load(ExecutorService thread) {
        try {
            thread.submit(RawSyscall::load).get(LOAD_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.of("cannot call the kernel directly: " + e.getCause());
        } catch (TimeoutException e) {
            return Optional.of("loading the system-call binding took over " + LOAD_TIMEOUT.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("the scan was interrupted");
        }
    }

    /** Makes one call; should it unexpectedly succeed in creating a descriptor, closes it. */
    static RawSyscall.Result callAndTidy(SyscallCall call) {
        RawSyscall.Result r = RawSyscall.call(call.number(), call.argArray());
        if (call.returnsFd() && r.returned() >= 0) {
            RawSyscall.close(r.returned());
        }
        return r;
    }

    private static ExecutorService newThread() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "syscall-probe");
            t.setDaemon(true);
            return t;
        });
    }
}
