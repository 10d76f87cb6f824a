package io.bulwark.runtime;

import java.util.ArrayList;
import java.util.List;

/** mount(2) flags and mount_setattr(2) attributes (include/uapi/linux/mount.h). */
public final class MountFlags {
    private MountFlags() {
    }

    public static final long MS_RDONLY = 0x1;
    public static final long MS_NOSUID = 0x2;
    public static final long MS_NODEV = 0x4;
    public static final long MS_NOEXEC = 0x8;

    public static final long ATTR_RDONLY = 0x1;
    public static final long ATTR_NOSUID = 0x2;
    public static final long ATTR_NODEV = 0x4;
    public static final long ATTR_NOEXEC = 0x8;
    /** Idmap the mount to the container's user namespace (MOUNT_ATTR_IDMAP). */
    public static final long ATTR_IDMAP = 0x00100000;

    /** The same four bits mean the same in both sets, so one namer serves both. */
    public static String names(long bits) {
        List<String> names = new ArrayList<>();
        String[] known = {"ro", "nosuid", "nodev", "noexec"};
        for (int i = 0; i < known.length; i++) {
            if ((bits & (1L << i)) != 0) {
                names.add(known[i]);
            }
        }
        if ((bits & ATTR_IDMAP) != 0) {
            names.add("idmap");
        }
        if ((bits & ~(0xfL | ATTR_IDMAP)) != 0) {
            names.add("0x" + Long.toHexString(bits & ~(0xfL | ATTR_IDMAP)));
        }
        return names.isEmpty() ? "-" : String.join(",", names);
    }
}
