package io.bulwark.runtime;

import java.util.Locale;
import java.util.Optional;

/** The namespaces a run can create, with their clone(2) flags (include/uapi/linux/sched.h). */
public enum Namespace {
    USER(0x10000000),
    MNT(0x00020000),
    PID(0x20000000),
    IPC(0x08000000),
    UTS(0x04000000),
    NET(0x40000000),
    CGROUP(0x02000000),
    /** The executor unshares it in the init, for the workload: clone(2) has no bit for it. */
    TIME(0x00000080);

    private final int cloneFlag;

    Namespace(int cloneFlag) {
        this.cloneFlag = cloneFlag;
    }

    public int cloneFlag() {
        return cloneFlag;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Namespace> parse(String name) {
        for (Namespace n : values()) {
            if (n.id().equals(name.toLowerCase(Locale.ROOT))) {
                return Optional.of(n);
            }
        }
        return Optional.empty();
    }
}
