package io.bulwark.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import jnr.ffi.LibraryLoader;
import jnr.posix.POSIX;
import jnr.posix.POSIXFactory;

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

    /** glibc's memfd_create(2), which jnr-posix does not bind. */
    public interface MemfdLibrary {
        int memfd_create(String name, int flags);
    }

    /** execv's the executor with the plan on a memfd; returns only by throwing. */
    public void handOver(byte[] plan) {
        POSIX posix = POSIXFactory.getNativePOSIX();
        MemfdLibrary libc = LibraryLoader.create(MemfdLibrary.class).load("c");
        int fd = libc.memfd_create("bulwark-plan", 0); // no MFD_CLOEXEC: the executor reads it
        if (fd < 0 || posix.write(fd, plan, plan.length) != plan.length) {
            throw new RunFailure("cannot write the plan to a memfd (errno " + posix.errno() + ")");
        }
        System.out.flush();
        System.err.flush();
        String exe = executor.toString();
        posix.execv(exe, new String[] {exe, "--plan-fd", Integer.toString(fd)});
        throw new RunFailure("cannot execute " + exe + " (errno " + posix.errno() + ")");
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
