package io.bulwark.seccomp;

import java.util.Optional;

/**
 * What a filter returns for a syscall: a kind and, for ERRNO and TRACE, the 16-bit data
 * (the errno, the tracer's message). {@link #ret()} is the 32-bit SECCOMP_RET_* value.
 */
public record Action(Kind kind, int data) {

    /** The SECCOMP_RET_* actions, by their value in the top 16 bits. */
    public enum Kind {
        KILL_PROCESS(0x80000000),
        KILL_THREAD(0x00000000),
        TRAP(0x00030000),
        ERRNO(0x00050000),
        NOTIFY(0x7fc00000),
        TRACE(0x7ff00000),
        LOG(0x7ffc0000),
        ALLOW(0x7fff0000);

        private final int ret;

        Kind(int ret) {
            this.ret = ret;
        }

        public int ret() {
            return ret;
        }

        /** Whether a syscall with this action runs (ALLOW, LOG) rather than being refused or handed over. */
        public boolean lets() {
            return this == ALLOW || this == LOG;
        }
    }

    public static final Action ALLOW = new Action(Kind.ALLOW, 0);
    public static final Action KILL_PROCESS = new Action(Kind.KILL_PROCESS, 0);
    public static final Action KILL_THREAD = new Action(Kind.KILL_THREAD, 0);
    public static final int EPERM = 1;
    public static final int ENOSYS = 38;

    public Action {
        if (kind != Kind.ERRNO && kind != Kind.TRACE && data != 0) {
            throw new IllegalArgumentException(kind + " carries no data");
        }
        if (data < 0 || data > 0xffff) {
            throw new IllegalArgumentException("action data " + data + " is outside 0..65535");
        }
    }

    public static Action errno(int errno) {
        return new Action(Kind.ERRNO, errno);
    }

    public int ret() {
        return kind.ret | data;
    }

    /**
     * Whether this action takes precedence over {@code other} when both match, as the kernel
     * ranks the results of stacked filters: KILL_PROCESS, KILL_THREAD, TRAP, ERRNO, NOTIFY,
     * TRACE, LOG, ALLOW (the lower signed action value wins).
     */
    public boolean overrides(Action other) {
        return kind.ret < other.kind.ret;
    }

    /** The action a SECCOMP_RET_* value stands for, as the kernel reads it (unknown values act as KILL_PROCESS). */
    public static Action fromRet(int ret) {
        int top = ret & 0xffff0000;
        for (Kind k : Kind.values()) {
            if (k.ret == top) {
                return new Action(k, (k == Kind.ERRNO || k == Kind.TRACE) ? ret & 0xffff : 0);
            }
        }
        return KILL_PROCESS;
    }

    /**
     * A profile's action name (SCMP_ACT_ALLOW …, SCMP_ACT_KILL meaning kill-thread) with its
     * errnoRet; an ERRNO or TRACE without one gets EPERM, as runc does.
     */
    public static Optional<Action> parse(String name, Integer data) {
        String n = name.startsWith("SCMP_ACT_") ? name.substring("SCMP_ACT_".length()) : name;
        Kind kind = switch (n) {
            case "KILL", "KILL_THREAD" -> Kind.KILL_THREAD;
            case "KILL_PROCESS" -> Kind.KILL_PROCESS;
            case "TRAP" -> Kind.TRAP;
            case "ERRNO" -> Kind.ERRNO;
            case "TRACE" -> Kind.TRACE;
            case "LOG" -> Kind.LOG;
            case "NOTIFY" -> Kind.NOTIFY;
            case "ALLOW" -> Kind.ALLOW;
            default -> null;
        };
        if (kind == null) {
            return Optional.empty();
        }
        boolean carries = kind == Kind.ERRNO || kind == Kind.TRACE;
        return Optional.of(new Action(kind, carries ? (data == null ? EPERM : data) : 0));
    }

    /** For people: ERRNO(EPERM), TRACE(7), ALLOW (the errno by name where it has one). */
    public String label() {
        return switch (kind) {
            case ERRNO -> "ERRNO(" + Errno.name(data).orElse(Integer.toString(data)) + ")";
            case TRACE -> "TRACE(" + data + ")";
            default -> kind.name();
        };
    }

    @Override
    public String toString() {
        return switch (kind) {
            case ERRNO -> "ERRNO(" + data + (Errno.name(data).map(s -> " " + s).orElse("")) + ")";
            case TRACE -> "TRACE(" + data + ")";
            default -> kind.name();
        };
    }
}
