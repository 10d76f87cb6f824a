package io.bulwark.runtime;

/**
 * A run that cannot start: the message is one line naming what is wrong and what to do, the
 * exit code is 125 (bulwark failed before the workload) or 127 (the command is not there).
 */
public class RunFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public static final int BEFORE_START = 125;
    public static final int NOT_FOUND = 127;

    private final int exitCode;

    public RunFailure(String message) {
        this(message, BEFORE_START);
    }

    public RunFailure(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
