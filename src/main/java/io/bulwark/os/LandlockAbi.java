package io.bulwark.os;

import jnr.ffi.LibraryLoader;
import jnr.ffi.Pointer;
import jnr.ffi.annotations.SaveError;
import jnr.ffi.annotations.Variadic;

/**
 * Asks the kernel which Landlock ABI it offers: {@code landlock_create_ruleset(NULL, 0,
 * LANDLOCK_CREATE_RULESET_VERSION)} creates nothing and only returns the version, or fails with
 * EOPNOTSUPP (built in but not enabled at boot) or ENOSYS (not built in).
 *
 * @param version  the ABI version, or 0 when Landlock is unavailable
 * @param evidence the call and what came back
 */
public record LandlockAbi(long version, String evidence) {
    private static final int LANDLOCK_CREATE_RULESET_VERSION = 1;
    // The generic syscall table number, shared by x86_64 and arm64.
    private static final long SYS_LANDLOCK_CREATE_RULESET = 444;
    private static final int ENOSYS = 38;
    private static final int EOPNOTSUPP = 95;

    /** libc's {@code syscall(2)}; integer arguments pass the same way variadic or not on x86_64 and arm64. */
    public interface LibC {
        @SaveError
        @Variadic(fixedCount = 1)
        long syscall(long number, Pointer attr, long size, int flags);
    }

    /** Loaded on first use and kept: finding and binding libc costs milliseconds, and a host scan asks once per container. */
    private static final class Binding {
        static final LibC LIBC = LibraryLoader.create(LibC.class).load("c");
    }

    public boolean available() {
        return version > 0;
    }

    /** Makes the query; throws UnsupportedOperationException on an architecture whose number is not known here. */
    public static LandlockAbi query() {
        String arch = System.getProperty("os.arch");
        if (!arch.equals("amd64") && !arch.equals("x86_64") && !arch.equals("aarch64")) {
            throw new UnsupportedOperationException("landlock_create_ruleset number not known for " + arch);
        }
        LibC libc = Binding.LIBC;
        long result = libc.syscall(SYS_LANDLOCK_CREATE_RULESET, null, 0, LANDLOCK_CREATE_RULESET_VERSION);
        String call = "landlock_create_ruleset(NULL, 0, LANDLOCK_CREATE_RULESET_VERSION)";
        if (result > 0) {
            return new LandlockAbi(result, call + " = " + result + " (the ABI version)");
        }
        int errno = jnr.ffi.Runtime.getRuntime(libc).getLastError();
        String name = switch (errno) {
            case ENOSYS -> "ENOSYS: the kernel has no Landlock, or a seccomp filter refuses the call";
            case EOPNOTSUPP -> "EOPNOTSUPP: Landlock is built in but not enabled at boot";
            default -> "errno " + errno;
        };
        return new LandlockAbi(0, call + " failed: " + name);
    }
}
