package io.bulwark.runtime;

import io.bulwark.os.KernelFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * Where a controller lives for the calling process: on a v1 hierarchy
 * ({@code ROOT/pids/OWN-PATH}) or on the v2 hierarchy ({@code ROOT} or {@code ROOT/unified},
 * {@code OWN-PATH}), read from {@code /proc/self/cgroup} and the files under the cgroup root.
 */
public final class CgroupLayout {
    private final Path root;
    private final String procSelfCgroup;

    public CgroupLayout(Path root, String procSelfCgroup) {
        this.root = root;
        this.procSelfCgroup = procSelfCgroup;
    }

    public static CgroupLayout host() {
        try {
            return new CgroupLayout(Path.of("/sys/fs/cgroup"), KernelFile.read(Path.of("/proc/self/cgroup")));
        } catch (IOException e) {
            throw new RunFailure("cannot read /proc/self/cgroup (" + e.getMessage() + "); is /proc mounted?");
        }
    }

    /** The text of {@code /proc/self/cgroup} this layout was read from. */
    public String procSelfCgroup() {
        return procSelfCgroup;
    }

    /** A controller's parent directory for new cgroups, and its hierarchy's version. */
    public record Controller(Path parent, int version) {
    }

    public Optional<Controller> find(String controller) {
        for (String line : procSelfCgroup.split("\n")) {
            String[] f = line.split(":", 3);
            if (f.length == 3 && !f[0].equals("0") && Arrays.asList(f[1].split(",")).contains(controller)) {
                Path dir = root.resolve(f[1]);
                if (!Files.isDirectory(dir)) {
                    dir = root.resolve(controller);
                }
                return Files.isDirectory(dir) ? Optional.of(new Controller(under(dir, f[2]), 1)) : Optional.empty();
            }
        }
        for (String line : procSelfCgroup.split("\n")) {
            if (line.startsWith("0::")) {
                Path mount = Files.exists(root.resolve("cgroup.controllers")) ? root : root.resolve("unified");
                Path own = under(mount, line.substring(3));
                if (words(own.resolve("cgroup.controllers")).contains(" " + controller + " ")) {
                    return Optional.of(new Controller(own, 2));
                }
            }
        }
        return Optional.empty();
    }

    /** v2: a child cgroup has the controller's files only when its parent delegates it. */
    public boolean delegates(Controller c, String controller) {
        return c.version() == 1 || words(c.parent().resolve("cgroup.subtree_control")).contains(" " + controller + " ");
    }

    private static Path under(Path mount, String own) {
        String rel = own.replaceFirst("^/+", "").trim();
        return rel.isEmpty() ? mount : mount.resolve(rel);
    }

    private static String words(Path file) {
        try {
            return " " + KernelFile.read(file).trim().replaceAll("\\s+", " ") + " ";
        } catch (IOException e) {
            return "  ";
        }
    }
}
