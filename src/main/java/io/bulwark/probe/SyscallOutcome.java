package io.bulwark.probe;

/**
 * What became of one call in a sweep.
 *
 * @param kind     returned, killed (the caller died or vanished during it), or not run
 * @param returned the raw return value when it returned
 * @param errno    errno when it returned -1, else 0
 * @param detail   for killed and not-run calls, what happened in words
 */
record SyscallOutcome(String name, Kind kind, long returned, int errno, String detail) {

    enum Kind { RETURNED, KILLED, NOT_RUN }

    static SyscallOutcome returned(String name, long returned, int errno) {
        return new SyscallOutcome(name, Kind.RETURNED, returned, errno, "");
    }

    static SyscallOutcome killed(String name, String detail) {
        return new SyscallOutcome(name, Kind.KILLED, 0, 0, detail);
    }

    static SyscallOutcome notRun(String name, String detail) {
        return new SyscallOutcome(name, Kind.NOT_RUN, 0, 0, detail);
    }
}
