package io.bulwark.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import jnr.ffi.LastError;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Runtime;

/**
 * Starts the executor on a plan. {@link #handOver} replaces the JVM with it (same pid, no JVM
 * left beside the workload); {@link #start} runs it as a child, for tests and library callers.
 */
public final class Launcher {
    private final Path executor;
    private final Path cacheDir;

    public Launcher(Path executor, Path cacheDir) {
        this.executor = executor;
        this.cacheDir = cacheDir;
    }

    /**
     * The three libc calls of the hand-over. A binding of just these costs a fraction of
     * loading all of jnr-posix, which matters on the start path of every run.
     */
    public interface HandoverCalls {
        int memfd_create(String name, int flags);

        long write(int fd, byte[] buf, long count);

        int execv(String path, String[] argv);
    }

    /** Binds the hand-over calls on another thread, so that it overlaps planning. */
    public static CompletableFuture<HandoverCalls> bindEarly() {
        return CompletableFuture.supplyAsync(() -> LibraryLoader.create(HandoverCalls.class).load("c"));
    }

    /** execv's the executor with the plan on a memfd; returns only by throwing. */
    public void handOver(byte[] plan, CompletableFuture<HandoverCalls> calls) {
        HandoverCalls libc = calls.join();
        Runtime runtime = Runtime.getRuntime(libc);
        int fd = libc.memfd_create("bulwark-plan", 0); // no MFD_CLOEXEC: the executor reads it
        if (fd < 0 || libc.write(fd, plan, plan.length) != plan.length) {
            throw new RunFailure("cannot write the plan to a memfd (errno " + LastError.getLastError(runtime) + ")");
        }
        System.out.flush();
        System.err.flush();
        String exe = executor.toString();
        libc.execv(exe, new String[] {exe, "--plan-fd", Integer.toString(fd), null});
        throw new RunFailure("cannot execute " + exe + " (errno " + LastError.getLastError(runtime) + ")");
    }

    /** Runs the executor as a child; the plan file, private to the caller, goes when it exits. */
    public Process start(byte[] plan, ProcessBuilder.Redirect out, ProcessBuilder.Redirect err) throws IOException {
        Path file = Files.createTempFile(cacheDir, ".plan-", "",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.write(file, plan);
            Process p = new ProcessBuilder(List.of(executor.toString(), "--plan", file.toString()))
                    .redirectOutput(out).redirectError(err).redirectInput(ProcessBuilder.Redirect.INHERIT).start();
            p.onExit().thenRun(() -> file.toFile().delete());
            return p;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }
}
