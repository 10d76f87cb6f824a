package io.bulwark.os;

import java.util.Map;
import java.util.Optional;

/**
 * The namespace types and the fixed inode numbers the kernel gives each initial namespace
 * (include/linux/proc_ns.h). nsfs inode numbers are global, so a process anywhere can tell
 * whether it shares a host namespace by reading its own {@code /proc/self/ns/TYPE} link.
 * Kernels before 6.18 allocated the initial mnt and net inodes dynamically: for those two
 * the fixed number is only a sign, not proof.
 */
public final class Namespaces {
    private Namespaces() {
    }

    /** Types in the order reports list them. */
    public static final String[] TYPES = {"user", "pid", "net", "ipc", "uts", "mnt", "cgroup", "time"};

    private static final Map<String, Long> INITIAL_INODES = Map.of(
            "ipc", 0xEFFFFFFFL,
            "uts", 0xEFFFFFFEL,
            "user", 0xEFFFFFFDL,
            "pid", 0xEFFFFFFCL,
            "cgroup", 0xEFFFFFFBL,
            "time", 0xEFFFFFFAL,
            "net", 0xEFFFFFF9L,
            "mnt", 0xEFFFFFF8L);

    /** The initial namespace's inode for {@code type}. */
    public static Optional<Long> initialInode(String type) {
        return Optional.ofNullable(INITIAL_INODES.get(type));
    }

    /** True for types whose initial inode is fixed on every kernel that has the namespace. */
    public static boolean initialInodeAlwaysFixed(String type) {
        return !type.equals("mnt") && !type.equals("net");
    }

    /** True when {@code kernel} gives the initial namespace of {@code type} its fixed inode. */
    public static boolean initialInodeFixed(String type, KernelVersion kernel) {
        return initialInodeAlwaysFixed(type) || kernel.atLeast(6, 18);
    }

    /**
     * The first inode nsfs hands out dynamically (PROC_DYNAMIC_FIRST). Before 6.18 the initial
     * mount namespace, created at boot before any other dynamic nsfs or procfs inode, received it.
     */
    public static final long FIRST_DYNAMIC_INODE = 0xF0000000L;

    /** Parses a link target such as {@code user:[4026531837]}. */
    public static Optional<Long> inode(String linkTarget) {
        int open = linkTarget.indexOf(":[");
        if (open < 0 || !linkTarget.endsWith("]")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(linkTarget.substring(open + 2, linkTarget.length() - 1)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
