package io.bulwark.cli;

/** Every exit status bulwark uses, in one place (ARCHITECTURE.md, "Exit codes"). */
public enum ExitCode {
    /** scan: the report passed the gate. */
    OK(0),
    /** scan: findings at or above {@code --fail-on}. */
    GATE_FAILED(1),
    /** seccomp diff: the two filters decide differently. */
    DIFFERENT(1),
    /** Bad usage or bad input (an option, a rule file, a profile, a pid). */
    USAGE(2),
    /** scan: the scan itself failed. */
    SCAN_FAILED(3),
    /** run: bulwark failed before the workload started. */
    RUN_FAILED(125),
    /** run: the command could not be executed. */
    NOT_EXECUTABLE(126),
    /** run: the command was not found. */
    NOT_FOUND(127);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
