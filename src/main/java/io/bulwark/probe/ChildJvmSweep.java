package io.bulwark.probe;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Makes the calls in a child JVM ({@link SyscallSweepMain}), for when a seccomp filter is in
 * force: a call its KILL or TRAP action answers kills the child, not the scan. The child
 * reports each call as it goes; when it dies during one, that call is recorded as killed and a
 * new child carries on with the next.
 */
final class ChildJvmSweep implements SyscallSweep {
    private static final String EOF = "\u0000eof";
    /**
     * JVM options for a child that starts fast, leaves nothing behind (no hsperfdata file) and
     * loads jffi's native stub without the JDK 24+ warning (the option exists since JDK 17).
     */
    private static final List<String> CHILD_OPTIONS = List.of(
            "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xmx64m",
            "--enable-native-access=ALL-UNNAMED");

    private final List<String> launcher;
    private final Duration startTimeout;
    private final Duration callTimeout;

    /** @param launcher the command up to, and without, the main class: java, options, class path */
    ChildJvmSweep(List<String> launcher, Duration startTimeout, Duration callTimeout) {
        this.launcher = List.copyOf(launcher);
        this.startTimeout = startTimeout;
        this.callTimeout = callTimeout;
    }

    /** A child of the same java binary with the same class path as this JVM. */
    static ChildJvmSweep likeThisJvm(Duration startTimeout, Duration callTimeout) {
        return new ChildJvmSweep(launcherLikeThisJvm(), startTimeout, callTimeout);
    }

    /** The command that starts a JVM like this one, up to the main class. */
    static List<String> launcherLikeThisJvm() {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(CHILD_OPTIONS);
        command.add("-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        return command;
    }

    @Override
    public String mode() {
        return "child JVM";
    }

    @Override
    public Result run(List<SyscallCall> calls) {
        List<SyscallOutcome> outcomes = new ArrayList<>();
        long setup = 0;
        long calling = 0;
        int children = 0;
        while (outcomes.size() < calls.size()) {
            List<SyscallCall> rest = calls.subList(outcomes.size(), calls.size());
            if (++children > calls.size() + 1) {
                String why = "gave up after " + (children - 1) + " child JVMs";
                rest.forEach(c -> outcomes.add(SyscallOutcome.notRun(c.name(), why)));
                break;
            }
            ChildRun run = runChild(rest);
            setup += run.setupNanos;
            calling += run.callNanos;
            outcomes.addAll(run.outcomes);
            if (run.stopReason != null) {
                calls.subList(outcomes.size(), calls.size())
                        .forEach(c -> outcomes.add(SyscallOutcome.notRun(c.name(), run.stopReason)));
            }
        }
        return new Result(outcomes, setup / 1_000_000, calling / 1_000_000, children);
    }

    /** What one child did: outcomes for a prefix of its calls, and a reason when no new child should follow. */
    private static final class ChildRun {
        final List<SyscallOutcome> outcomes = new ArrayList<>();
        String stopReason;
        final long started = System.nanoTime();
        long setupNanos;
        long callNanos;

        void ready() {
            setupNanos = System.nanoTime() - started;
        }

        void ended() {
            callNanos = setupNanos == 0 ? 0 : System.nanoTime() - started - setupNanos;
            if (setupNanos == 0) {
                setupNanos = System.nanoTime() - started;
            }
        }
    }

    private ChildRun runChild(List<SyscallCall> calls) {
        ChildRun run = new ChildRun();
        List<String> command = new ArrayList<>(launcher);
        command.add(SyscallSweepMain.class.getName());
        calls.forEach(c -> command.add(SyscallSweepMain.encode(c)));
        Process child;
        try {
            child = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.PIPE).start();
            child.getOutputStream().close();
        } catch (IOException e) {
            run.stopReason = "cannot start a child JVM for the sweep: " + e.getMessage();
            return run;
        }
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        StringBuilder stderr = new StringBuilder();
        Thread out = drain(child.getInputStream(), lines::add, lines);
        Thread err = drain(child.getErrorStream(), line -> tail(stderr, line), null);
        try {
            follow(child, calls, lines, stderr, run);
            run.ended();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            run.stopReason = "the scan was interrupted";
        } finally {
            child.destroyForcibly();
            try {
                child.waitFor(2, TimeUnit.SECONDS);
                out.join(500);
                err.join(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return run;
    }

    private void follow(Process child, List<SyscallCall> calls, BlockingQueue<String> lines, StringBuilder stderr, ChildRun run)
            throws InterruptedException {
        boolean ready = false;
        String inFlight = null;
        while (run.outcomes.size() < calls.size()) {
            String line = lines.poll((ready ? callTimeout : startTimeout).toMillis(), TimeUnit.MILLISECONDS);
            String next = calls.get(run.outcomes.size()).name();
            if (line == null) {
                child.destroyForcibly();
                if (!ready) {
                    run.stopReason = "the child JVM did not start the sweep within " + startTimeout.toMillis() + " ms" + lastWords(stderr);
                } else {
                    run.outcomes.add(SyscallOutcome.killed(next, "no answer within " + callTimeout.toMillis()
                            + " ms: the calling thread was killed (a seccomp KILL_THREAD action) or hangs"));
                }
                return;
            }
            if (line.equals(EOF)) {
                int status = child.waitFor();
                if (!ready) {
                    run.stopReason = "the child JVM ended (" + describe(status) + ") before the sweep" + lastWords(stderr);
                } else if (inFlight != null && status > 128) {
                    run.outcomes.add(SyscallOutcome.killed(inFlight, "the child JVM died by " + describe(status)
                            + " during this call" + (status == 128 + 31 ? ": a seccomp KILL or TRAP action" : "")));
                } else if (inFlight != null && status == 0) {
                    // The child's main thread makes the calls and never exits between "call" and "done":
                    // a clean exit there means that thread vanished and the JVM shut down without it.
                    run.outcomes.add(SyscallOutcome.killed(inFlight, "the calling thread vanished and the child JVM"
                            + " ended without answering: a seccomp KILL_THREAD action"));
                } else {
                    run.outcomes.add(SyscallOutcome.notRun(next, "the child JVM ended (" + describe(status) + ") "
                            + (inFlight != null ? "during this call" : "before this call") + lastWords(stderr)));
                }
                return;
            }
            if (line.equals("ready")) {
                ready = true;
                run.ready();
            } else if (line.startsWith("call ")) {
                inFlight = line.substring(5);
            } else if (line.startsWith("done ")) {
                String[] parts = line.split(" ");
                run.outcomes.add(SyscallOutcome.returned(parts[1], Long.parseLong(parts[2]), Integer.parseInt(parts[3])));
                inFlight = null;
            }
        }
    }

    /** Reads a stream line by line on a daemon thread; {@code end} receives {@link #EOF} at the end. */
    private static Thread drain(InputStream stream, java.util.function.Consumer<String> sink, BlockingQueue<String> end) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    sink.accept(line);
                }
            } catch (IOException e) {
                // the child is gone; what was read is all there is
            } finally {
                if (end != null) {
                    end.add(EOF);
                }
            }
        }, "syscall-sweep-reader");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void tail(StringBuilder stderr, String line) {
        synchronized (stderr) {
            stderr.setLength(0);
            stderr.append(line.length() > 300 ? line.substring(0, 300) : line);
        }
    }

    private static String lastWords(StringBuilder stderr) {
        synchronized (stderr) {
            return stderr.length() == 0 ? "" : "; it said: " + stderr;
        }
    }

    /** An exit status as the JDK reports it: 128+N for death by signal N. */
    static String describe(int status) {
        if (status <= 128) {
            return "exit status " + status;
        }
        int signal = status - 128;
        String name = switch (signal) {
            case 6 -> "SIGABRT";
            case 9 -> "SIGKILL";
            case 11 -> "SIGSEGV";
            case 31 -> "SIGSYS";
            default -> "signal " + signal;
        };
        return name + " (status " + status + ")";
    }
}
