package io.bulwark.os;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /proc/PID/mountinfo} (proc(5)): one line per mount of the process's mount namespace,
 * in the order the mounts were made.
 *
 * <pre>
 * 36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw,errors=continue
 * (1)(2) (3)   (4)   (5)      (6)      (7)   (8) (9)    (10)         (11)
 * </pre>
 *
 * Paths are octal-escaped by the kernel ({@code \040} for a space); they are unescaped here.
 */
public final class MountInfo {

    /**
     * One mount.
     *
     * @param root           the path inside the mounted filesystem that is mounted here: {@code /}
     *                       for a whole filesystem, a subdirectory or file for a bind mount
     * @param mountPoint     where it is mounted, relative to the process's root
     * @param mountOptions   per-mount options ({@code ro}, {@code nosuid}, …)
     * @param optionalFields propagation tags such as {@code shared:1} or {@code master:2}
     * @param superOptions   per-superblock options ({@code upperdir=…}, cgroup controllers, …)
     */
    public record Mount(int id, int parentId, int major, int minor, String root, String mountPoint,
                        List<String> mountOptions, List<String> optionalFields, String fsType, String source,
                        List<String> superOptions) {
        public Mount {
            mountOptions = List.copyOf(mountOptions);
            optionalFields = List.copyOf(optionalFields);
            superOptions = List.copyOf(superOptions);
        }

        /** Read-only for this mount or for its whole superblock. */
        public boolean readOnly() {
            return mountOptions.contains("ro") || superOptions.contains("ro");
        }

        /** The value of a {@code key=value} superblock option, e.g. {@code upperdir}. */
        public Optional<String> superOption(String key) {
            String prefix = key + "=";
            return superOptions.stream().filter(o -> o.startsWith(prefix)).map(o -> o.substring(prefix.length())).findFirst();
        }

        public String device() {
            return major + ":" + minor;
        }

        /** One line for evidence, e.g. {@code mount 54 /null at /proc/keys (tmpfs tmpfs, rw)}. */
        public String describe() {
            return "mount " + id + " " + root + " at " + mountPoint + " (" + fsType + " " + source + ", "
                    + (readOnly() ? "ro" : "rw") + ")";
        }
    }

    private final List<Mount> mounts;
    /** Worked out on first use: several callers need only the table. Racing threads compute the same list. */
    private volatile List<Mount> visible;

    private MountInfo(List<Mount> mounts) {
        this.mounts = List.copyOf(mounts);
    }

    /** Parses the whole table; a malformed line fails the whole parse with its line number. */
    public static MountInfo parse(String text) {
        List<Mount> mounts = new ArrayList<>();
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                mounts.add(parseLine(lines[i], i + 1));
            }
        }
        return new MountInfo(mounts);
    }

    private static Mount parseLine(String line, int number) {
        String[] f = line.trim().split(" ");
        int separator = Arrays.asList(f).indexOf("-");
        if (separator < 6 || f.length < separator + 3) {
            throw malformed(number, line, "expected 'ID PARENT MAJ:MIN ROOT POINT OPTIONS [TAGS…] - FSTYPE SOURCE SUPEROPTIONS'");
        }
        int colon = f[2].indexOf(':');
        if (colon < 0) {
            throw malformed(number, line, "device '" + f[2] + "' is not MAJOR:MINOR");
        }
        try {
            return new Mount(
                    Integer.parseInt(f[0]),
                    Integer.parseInt(f[1]),
                    Integer.parseInt(f[2].substring(0, colon)),
                    Integer.parseInt(f[2].substring(colon + 1)),
                    unescape(f[3]),
                    unescape(f[4]),
                    List.of(f[5].split(",")),
                    List.of(f).subList(6, separator),
                    unescape(f[separator + 1]),
                    unescape(f[separator + 2]),
                    f.length > separator + 3 ? List.of(f[separator + 3].split(",")) : List.of());
        } catch (NumberFormatException e) {
            throw malformed(number, line, "mount id, parent id or device is not numeric");
        }
    }

    private static IllegalArgumentException malformed(int number, String line, String why) {
        return new IllegalArgumentException("mountinfo line " + number + " '" + line.strip() + "': " + why);
    }

    /** Undoes the kernel's octal escapes: {@code \040} space, {@code \011} tab, {@code \012} newline, {@code \134} backslash. */
    static String unescape(String field) {
        if (field.indexOf('\\') < 0) {
            return field;
        }
        StringBuilder out = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && isOctal(field, i + 1)) {
                out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isOctal(String s, int from) {
        if (from + 3 > s.length()) {
            return false;
        }
        for (int i = from; i < from + 3; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '7') {
                return false;
            }
        }
        return true;
    }

    /** Every mount, in the order of the table, including those covered by later mounts. */
    public List<Mount> all() {
        return mounts;
    }

    /**
     * The mounts a path lookup can reach, found on the mount tree (parent ids), not from the
     * order of the table, which moved mounts upset. A mount is reachable when its parent is
     * and no sibling sits on its mount point or a directory above it, nor an overmount on
     * its parent's own mount point; it is visible when, besides, nothing is mounted right on
     * top of it (as {@code unshare --mount-proc} puts a new {@code /proc} over the old one).
     */
    public List<Mount> visible() {
        List<Mount> known = visible;
        if (known == null) {
            known = List.copyOf(findVisible(mounts));
            visible = known;
        }
        return known;
    }

    private static List<Mount> findVisible(List<Mount> mounts) {
        Map<Integer, Mount> byId = new HashMap<>();
        Map<Integer, List<Mount>> children = new HashMap<>();
        for (Mount m : mounts) {
            byId.put(m.id(), m);
        }
        for (Mount m : mounts) {
            if (m.parentId() != m.id() && byId.containsKey(m.parentId())) {
                children.computeIfAbsent(m.parentId(), k -> new ArrayList<>()).add(m);
            }
        }
        Map<Integer, Boolean> reachable = new HashMap<>();
        List<Mount> result = new ArrayList<>();
        for (Mount m : mounts) {
            boolean overmounted = children.getOrDefault(m.id(), List.of()).stream()
                    .anyMatch(c -> c.mountPoint().equals(m.mountPoint()));
            if (reachable(m, byId, children, reachable, new HashSet<>()) && !overmounted) {
                result.add(m);
            }
        }
        return result;
    }

    private static boolean reachable(Mount m, Map<Integer, Mount> byId, Map<Integer, List<Mount>> children,
                                     Map<Integer, Boolean> memo, Set<Integer> visiting) {
        Boolean known = memo.get(m.id());
        if (known != null) {
            return known;
        }
        Mount parent = byId.get(m.parentId());
        boolean result;
        if (parent == null || parent == m || !visiting.add(m.id())) {
            result = parent == null || parent == m;
        } else {
            List<Mount> siblings = children.getOrDefault(parent.id(), List.of());
            int order = indexOf(siblings, m);
            boolean covered = false;
            for (int i = 0; i < siblings.size() && !covered; i++) {
                Mount s = siblings.get(i);
                if (s == m) {
                    continue;
                }
                boolean above = isAtOrAbove(s.mountPoint(), m.mountPoint()) && !s.mountPoint().equals(m.mountPoint());
                boolean sameAndLater = s.mountPoint().equals(m.mountPoint()) && i > order;
                boolean overmountsParent = s.mountPoint().equals(parent.mountPoint()) && !m.mountPoint().equals(parent.mountPoint());
                covered = above || sameAndLater || overmountsParent;
            }
            result = !covered && reachable(parent, byId, children, memo, visiting);
        }
        memo.put(m.id(), result);
        return result;
    }

    /** By identity: two mounts with equal fields are still two mounts, and comparing fields is slow. */
    private static int indexOf(List<Mount> mounts, Mount m) {
        for (int i = 0; i < mounts.size(); i++) {
            if (mounts.get(i) == m) {
                return i;
            }
        }
        return -1;
    }

    /** True when {@code dir} is {@code path} or one of its ancestors. */
    public static boolean isAtOrAbove(String dir, String path) {
        if (dir.equals(path) || dir.equals("/")) {
            return true;
        }
        return path.startsWith(dir) && path.charAt(dir.length()) == '/';
    }

    /** The visible mount exactly at {@code mountPoint}, if any. */
    public Optional<Mount> at(String mountPoint) {
        return visible().stream().filter(m -> m.mountPoint().equals(mountPoint)).reduce((a, b) -> b);
    }

    /** The visible mount that {@code path} lies on: the one with the longest mount point above it. */
    public Optional<Mount> containing(String path) {
        Mount best = null;
        for (Mount m : visible()) {
            if (isAtOrAbove(m.mountPoint(), path) && (best == null || m.mountPoint().length() >= best.mountPoint().length())) {
                best = m;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The visible mounts of one filesystem type, e.g. {@code cgroup2} or {@code fuse.lxcfs}. */
    public List<Mount> ofType(String fsType) {
        return visible().stream().filter(m -> m.fsType().equals(fsType)).toList();
    }
}
