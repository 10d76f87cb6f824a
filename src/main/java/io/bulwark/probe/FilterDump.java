package io.bulwark.probe;

import com.kenai.jffi.MemoryIO;
import io.bulwark.InputException;
import io.bulwark.os.RawSyscall;
import io.bulwark.seccomp.Arch;
import io.bulwark.seccomp.BpfProgram;
import io.bulwark.seccomp.SyscallTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads the seccomp filters of another process with {@code PTRACE_SECCOMP_GET_FILTER}. The
 * kernel makes the thread that attached the tracer, so every ptrace and wait call runs on one
 * new thread that ends afterwards. {@code PTRACE_SEIZE} rather than {@code PTRACE_ATTACH}: a
 * seized tracee is released when its tracer dies, so the process is never left stopped or
 * traced, even when bulwark is killed while attached; and once stopped it is detached at once.
 */
final class FilterDump {
    /** Test hook: when set to a file path, the tracer creates that file while attached and waits there. */
    static final String PAUSE_PROPERTY = "bulwark.test.filter-dump.pause-file";

    private static final long PTRACE_DETACH = 0x11;
    private static final long PTRACE_SEIZE = 0x4206;
    private static final long PTRACE_INTERRUPT = 0x4207;
    private static final long PTRACE_SECCOMP_GET_FILTER = 0x420c;
    private static final long WNOHANG = 1;
    private static final long WALL = 0x40000000;
    private static final int SIGTRAP = 5;
    private static final int ENOENT = 2;
    private static final int ESRCH = 3;
    private static final int ECHILD = 10;
    private static final int EINVAL = 22;
    /** A wait status as for PTRACE_EVENT_STOP (128) after SIGTRAP, when the stop was seen in stat rather than reported. */
    private static final int EVENT_STOP_UNREPORTED = 0x7f | (SIGTRAP << 8) | (128 << 16);

    /** The filters read, newest first as the kernel numbers them, or why none could be read. */
    record Outcome(List<BpfProgram> filters, String problem) {
        static Outcome failed(String problem) {
            return new Outcome(List.of(), problem);
        }

        boolean dumped() {
            return problem == null;
        }
    }

    private final long pid;
    private final long ptrace;
    private final long wait4;

    private FilterDump(long pid, Arch arch) {
        this.pid = pid;
        SyscallTable table = SyscallTable.of(arch);
        this.ptrace = table.number("ptrace").orElseThrow();
        this.wait4 = table.number("wait4").orElseThrow();
    }

    /** The filters of process {@code pid}; gives up after {@code timeout} (the thread then ends, which releases the tracee). */
    static Outcome of(long pid, Duration timeout) {
        FilterDump dump = new FilterDump(pid, Arch.host());
        CompletableFuture<Outcome> result = new CompletableFuture<>();
        Thread tracer = new Thread(() -> {
            try {
                result.complete(dump.run(System.nanoTime() + timeout.toNanos()));
            } catch (RuntimeException | LinkageError e) {
                result.complete(Outcome.failed("the dump failed: " + e));
            }
        }, "bulwark-filter-dump-" + pid);
        tracer.setDaemon(true);
        tracer.start();
        try {
            return result.get(timeout.toMillis() + 5000, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return Outcome.failed("the process did not stop within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            return Outcome.failed("the dump failed: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.failed("interrupted");
        }
    }

    private Outcome run(long deadline) {
        RawSyscall.Result seized = RawSyscall.call(ptrace, PTRACE_SEIZE, pid, 0, 0);
        if (seized.failed()) {
            return Outcome.failed("PTRACE_SEIZE failed with " + seized.errnoName()
                    + (seized.errno() == ESRCH ? " (the process is gone)" : " (tracing it needs CAP_SYS_PTRACE, and Yama may forbid it)"));
        }
        int pendingSignal = 0;
        try {
            RawSyscall.Result interrupted = RawSyscall.call(ptrace, PTRACE_INTERRUPT, pid, 0, 0);
            if (interrupted.failed()) {
                return Outcome.failed("PTRACE_INTERRUPT failed with " + interrupted.errnoName());
            }
            int status = waitForStop(deadline);
            if (status == -1) {
                return Outcome.failed("the process did not stop in time");
            }
            if ((status & 0xff) != 0x7f) {
                return Outcome.failed("the process exited while being stopped");
            }
            int signal = (status >> 8) & 0xff;
            // A signal-delivery stop (no event, not SIGTRAP) swallows the signal unless detach passes it on.
            pendingSignal = (status >>> 16) == 0 && signal != SIGTRAP ? signal : 0;
            pauseForTest();
            return readFilters();
        } finally {
            RawSyscall.call(ptrace, PTRACE_DETACH, pid, 0, pendingSignal);
        }
    }

    /** The wait status of the stop, or -1 at the deadline; polls so that a process that never stops cannot hold the scan. */
    private int waitForStop(long deadline) {
        long buffer = MemoryIO.getInstance().allocateMemory(4, true);
        try {
            while (System.nanoTime() < deadline) {
                RawSyscall.Result r = RawSyscall.call(wait4, pid, buffer, WALL | WNOHANG, 0);
                if (r.returned() == pid) {
                    return MemoryIO.getInstance().getInt(buffer);
                }
                if (inTraceStop()) {
                    // Another thread of this JVM waited for its own child and took the report (the JDK's
                    // process reaper does); the process is stopped all the same.
                    return EVENT_STOP_UNREPORTED;
                }
                if (r.failed() && r.errno() != ECHILD) {
                    return 0;
                }
                sleepBriefly();
            }
            return -1;
        } finally {
            MemoryIO.getInstance().freeMemory(buffer);
        }
    }

    /** Whether status says seccomp is off: the kernel then answers EINVAL, not ENOENT, for filter 0. */
    private boolean seccompOff() {
        return ProbeContext.tryRead(Path.of("/proc/" + pid + "/status"))
                .map(status -> status.lines().anyMatch(l -> l.matches("Seccomp:\\s+0")))
                .orElse(false);
    }

    /** Whether stat shows the process in a tracing stop (state t). */
    private boolean inTraceStop() {
        return ProbeContext.tryRead(Path.of("/proc/" + pid + "/stat"))
                .map(stat -> stat.substring(stat.lastIndexOf(')') + 1).strip().startsWith("t"))
                .orElse(false);
    }

    private Outcome readFilters() {
        List<BpfProgram> filters = new ArrayList<>();
        for (int index = 0; ; index++) {
            RawSyscall.Result count = RawSyscall.call(ptrace, PTRACE_SECCOMP_GET_FILTER, pid, index, 0);
            if (count.failed()) {
                if (count.errno() == ENOENT || (index == 0 && count.errno() == EINVAL && seccompOff())) {
                    return new Outcome(filters, null);
                }
                return Outcome.failed("PTRACE_SECCOMP_GET_FILTER failed with " + count.errnoName() + explain(count.errno()));
            }
            int length = (int) count.returned();
            long buffer = MemoryIO.getInstance().allocateMemory(length * 8L, true);
            try {
                RawSyscall.Result read = RawSyscall.call(ptrace, PTRACE_SECCOMP_GET_FILTER, pid, index, buffer);
                if (read.failed()) {
                    return Outcome.failed("PTRACE_SECCOMP_GET_FILTER failed with " + read.errnoName() + explain(read.errno()));
                }
                byte[] bytes = new byte[(int) read.returned() * 8];
                MemoryIO.getInstance().getByteArray(buffer, bytes, 0, bytes.length);
                filters.add(BpfProgram.fromBytes("seccomp filter " + index + " of process " + pid, bytes));
            } catch (InputException e) {
                return Outcome.failed(e.getMessage());
            } finally {
                MemoryIO.getInstance().freeMemory(buffer);
            }
        }
    }

    private static String explain(int errno) {
        switch (errno) {
            case 13:
                return " (it needs CAP_SYS_ADMIN and a tracer without seccomp of its own)";
            case 22:
                return " (the kernel lacks CONFIG_CHECKPOINT_RESTORE, or the filter is not classic BPF)";
            case 1:
                return " (not permitted)";
            default:
                return "";
        }
    }

    private static void pauseForTest() {
        String file = System.getProperty(PAUSE_PROPERTY);
        if (file == null) {
            return;
        }
        try {
            Files.writeString(Path.of(file), "attached\n");
            Thread.sleep(60_000);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("test hook: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
