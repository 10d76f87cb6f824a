package io.bulwark.runtime;

/**
 * One step of the plan's mount list. Before the {@link Kind#PIVOT} step, sources are host paths
 * and destinations are paths in the new root; after it both are paths in the new root.
 *
 * @param flags mount(2) flags ({@link MountFlags}) for {@link Kind#FS}
 * @param attr  mount_setattr(2) attributes applied recursively after the mount ({@link MountFlags})
 */
public record MountStep(Kind kind, long flags, long attr, String src, String dst, String fstype, String data) {

    /** The executor's mount kinds; the numbers are the wire format's. */
    public enum Kind {
        FS(1), BIND(2), SYMLINK(3), PIVOT(4), MASK(5), READONLY(6);

        private final int code;

        Kind(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }
    }

    public static MountStep fs(String fstype, String dst, long flags, String data) {
        return new MountStep(Kind.FS, flags, 0, fstype, dst, fstype, data);
    }

    public static MountStep bind(String src, String dst, long attr) {
        return new MountStep(Kind.BIND, 0, attr, src, dst, "", "");
    }

    public static MountStep symlink(String target, String link) {
        return new MountStep(Kind.SYMLINK, 0, 0, target, link, "", "");
    }

    public static MountStep pivot() {
        return new MountStep(Kind.PIVOT, 0, 0, "", "", "", "");
    }

    public static MountStep mask(String path) {
        return new MountStep(Kind.MASK, 0, 0, "", path, "", "");
    }

    public static MountStep readOnly(String path) {
        return new MountStep(Kind.READONLY, 0, MountFlags.ATTR_RDONLY, "", path, "", "");
    }
}
