package io.bulwark.os;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Linux capabilities by bit number (include/uapi/linux/capability.h). */
public enum Capability {
    CHOWN, DAC_OVERRIDE, DAC_READ_SEARCH, FOWNER, FSETID, KILL, SETGID, SETUID, SETPCAP,
    LINUX_IMMUTABLE, NET_BIND_SERVICE, NET_BROADCAST, NET_ADMIN, NET_RAW, IPC_LOCK, IPC_OWNER,
    SYS_MODULE, SYS_RAWIO, SYS_CHROOT, SYS_PTRACE, SYS_PACCT, SYS_ADMIN, SYS_BOOT, SYS_NICE,
    SYS_RESOURCE, SYS_TIME, SYS_TTY_CONFIG, MKNOD, LEASE, AUDIT_WRITE, AUDIT_CONTROL, SETFCAP,
    MAC_OVERRIDE, MAC_ADMIN, SYSLOG, WAKE_ALARM, BLOCK_SUSPEND, AUDIT_READ, PERFMON, BPF,
    CHECKPOINT_RESTORE;

    public int bit() {
        return ordinal();
    }

    /** The mask of every capability this table knows: what a privileged container holds. */
    public static long allKnownMask() {
        return (1L << values().length) - 1;
    }

    /** The names of the bits set in {@code mask}; unknown bits appear as {@code bit_N}. */
    public static List<String> names(long mask) {
        List<String> names = new ArrayList<>();
        for (int bit = 0; bit < 64; bit++) {
            if ((mask & (1L << bit)) != 0) {
                names.add(bit < values().length ? values()[bit].name() : "bit_" + bit);
            }
        }
        return names;
    }

    public static Optional<Capability> parse(String name) {
        String n = name.toUpperCase().replaceFirst("^CAP_", "");
        for (Capability c : values()) {
            if (c.name().equals(n)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
