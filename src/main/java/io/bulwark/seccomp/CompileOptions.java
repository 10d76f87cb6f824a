package io.bulwark.seccomp;

/**
 * Choices the profile does not make. {@code enosys}: numbers above the highest syscall the
 * profile names get ENOSYS instead of the default action (as runc does, so that a newer libc
 * falls back from syscalls the profile could not know). {@code badArch}: the action for an
 * architecture the filter does not cover (and for x32 numbers when x32 is not covered).
 */
public record CompileOptions(boolean enosys, Action badArch) {
    public static final CompileOptions DEFAULT = new CompileOptions(false, Action.KILL_PROCESS);

    public CompileOptions withEnosys(boolean on) {
        return new CompileOptions(on, badArch);
    }
}
