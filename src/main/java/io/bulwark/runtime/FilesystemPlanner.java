package io.bulwark.runtime;

import static io.bulwark.runtime.MountFlags.ATTR_NODEV;
import static io.bulwark.runtime.MountFlags.ATTR_NOEXEC;
import static io.bulwark.runtime.MountFlags.ATTR_NOSUID;
import static io.bulwark.runtime.MountFlags.ATTR_RDONLY;
import static io.bulwark.runtime.MountFlags.MS_NODEV;
import static io.bulwark.runtime.MountFlags.MS_NOEXEC;
import static io.bulwark.runtime.MountFlags.MS_NOSUID;
import static io.bulwark.runtime.MountFlags.MS_RDONLY;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The mount list of a run: the root (the host's / read-only, or a rootfs), a fresh /proc, a
 * minimal /dev, /sys read-only, tmpfs /tmp and /run, the user's tmpfs and binds, the pivot,
 * then masks and read-only paths. Checks every host path and every mount target first.
 */
final class FilesystemPlanner {
    private static final List<String> OWN_TMPFS = List.of("/dev", "/tmp", "/run");

    private final RuntimeDefaults defaults;
    private final RunSpec spec;
    private final Path root;
    private final List<BindSpec> binds = new ArrayList<>();
    private final PlanInputs inputs;

    /**
     * @param containerRoot the host uid that container root maps to, or -1 without a user namespace
     * @param inputs        records every host path the checks look at
     */
    FilesystemPlanner(RuntimeDefaults defaults, RunSpec spec, long containerRoot, PlanInputs inputs) {
        this.defaults = defaults;
        this.spec = spec;
        this.inputs = inputs;
        if (spec.rootfs() != null) {
            inputs.looked(Path.of(spec.rootfs()));
        }
        this.root = spec.rootfs() == null ? Path.of("/") : realDirectory("--rootfs", spec.rootfs());
        for (String target : List.of("/proc", "/dev", "/sys", "/tmp", "/run")) {
            checkTarget("the rootfs's " + target, target, true);
        }
        for (String t : spec.tmpfs()) {
            checkTarget("--tmpfs " + t, t, true);
        }
        for (BindSpec b : spec.binds()) {
            Path source = Path.of(b.source());
            inputs.looked(source);
            if (!Files.exists(source)) {
                throw new RunFailure("--bind " + b.source() + ":" + b.target() + ": " + b.source() + " does not exist on the host");
            }
            Path real = real(source);
            if (!b.idmap()) { // an idmapped tree is opened by the executor's supervisor, as the caller
                checkReachable("--bind " + b.source() + ":" + b.target(), real, containerRoot);
            }
            checkTarget("--bind " + b.source() + ":" + b.target(), b.target(), Files.isDirectory(real));
            binds.add(new BindSpec(real.toString(), b.target(), b.readOnly(), b.idmap()));
        }
    }

    List<MountStep> mounts(boolean mountSysfs) {
        List<MountStep> m = new ArrayList<>();
        boolean hostRoot = spec.rootfs() == null;
        m.add(MountStep.bind(root.toString(), "/", hostRoot ? ATTR_RDONLY | ATTR_NOSUID | ATTR_NODEV : 0));
        m.add(MountStep.fs("proc", "/proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, ""));
        m.add(MountStep.fs("tmpfs", "/dev", MS_NOSUID | MS_NOEXEC, "mode=0755"));
        for (String node : defaults.devNodes()) {
            m.add(MountStep.bind("/dev/" + node, "/dev/" + node, ATTR_NOSUID | ATTR_NOEXEC));
        }
        m.add(MountStep.fs("devpts", "/dev/pts", MS_NOSUID | MS_NOEXEC, "newinstance,ptmxmode=0666,mode=0620"));
        m.add(MountStep.symlink("pts/ptmx", "/dev/ptmx"));
        m.add(MountStep.fs("tmpfs", "/dev/shm", MS_NOSUID | MS_NODEV | MS_NOEXEC, "mode=1777"));
        m.add(MountStep.symlink("/proc/self/fd", "/dev/fd"));
        m.add(MountStep.symlink("/proc/self/fd/0", "/dev/stdin"));
        m.add(MountStep.symlink("/proc/self/fd/1", "/dev/stdout"));
        m.add(MountStep.symlink("/proc/self/fd/2", "/dev/stderr"));
        // sysfs can be mounted only by the owner of the network namespace; else bind the host's.
        m.add(mountSysfs ? MountStep.fs("sysfs", "/sys", MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC, "")
                : MountStep.bind("/sys", "/sys", ATTR_RDONLY | ATTR_NOSUID | ATTR_NODEV | ATTR_NOEXEC));
        m.add(MountStep.fs("tmpfs", "/tmp", MS_NOSUID | MS_NODEV, "mode=1777"));
        m.add(MountStep.fs("tmpfs", "/run", MS_NOSUID | MS_NODEV, "mode=0755"));
        for (String t : spec.tmpfs()) {
            m.add(MountStep.fs("tmpfs", t, MS_NOSUID | MS_NODEV, "mode=0755"));
        }
        for (BindSpec b : binds) {
            m.add(MountStep.bind(b.source(), b.target(),
                    (b.readOnly() ? ATTR_RDONLY : 0) | (b.idmap() ? MountFlags.ATTR_IDMAP : 0) | ATTR_NOSUID | ATTR_NODEV));
        }
        m.add(MountStep.pivot());
        defaults.maskedPaths().forEach(p -> m.add(MountStep.mask(p)));
        defaults.readOnlyPaths().forEach(p -> m.add(MountStep.readOnly(p)));
        return m;
    }

    /** A command given as a path must exist; a bare name must be found on the plan's PATH. */
    void checkCommand(String command, List<String> env) {
        List<Path> candidates = new ArrayList<>();
        if (command.contains("/")) {
            if (!command.startsWith("/")) {
                return; // relative to --cwd inside the container: only the executor can tell
            }
            candidates.add(inContainer(command));
        } else {
            String path = env.stream().filter(e -> e.startsWith("PATH=")).map(e -> e.substring(5)).findFirst().orElse("");
            for (String dir : path.split(":")) {
                if (dir.startsWith("/")) {
                    candidates.add(inContainer(dir.equals("/") ? "/" + command : dir + "/" + command));
                }
            }
        }
        if (candidates.stream().peek(inputs::looked).noneMatch(Files::exists)) {
            throw new RunFailure(command + ": command not found in the container"
                    + (command.contains("/") ? "" : " (searched its PATH)"), RunFailure.NOT_FOUND);
        }
    }

    /** Where a container path lies on the host: in a bind's source, or under the root. */
    private Path inContainer(String path) {
        for (BindSpec b : binds) {
            if (path.startsWith(b.target() + "/")) {
                return Path.of(b.source()).resolve(path.substring(b.target().length() + 1));
            }
        }
        return root.resolve(path.substring(1));
    }

    /**
     * A mount target must not pass through a symlink: the executor would follow it outside the
     * container's tree. In the read-only host root it must also exist already, as the right kind,
     * unless it lies in one of the run's own tmpfs mounts.
     */
    private void checkTarget(String input, String target, boolean directory) {
        if (target.equals("/")) {
            throw new RunFailure(input + ": cannot mount over the container's root");
        }
        Path path = root;
        for (String part : target.substring(1).split("/")) {
            path = path.resolve(part);
            inputs.looked(path);
            if (Files.isSymbolicLink(path)) {
                throw new RunFailure(input + ": " + path + " is a symlink; name the real path (a mount must not follow a link)");
            }
        }
        boolean inOwnTmpfs = OWN_TMPFS.stream().anyMatch(t -> target.startsWith(t + "/"))
                || spec.tmpfs().stream().anyMatch(t -> target.startsWith(t + "/"));
        if (spec.rootfs() == null && !inOwnTmpfs && !OWN_TMPFS.contains(target) && !target.equals("/proc") && !target.equals("/sys")) {
            if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                throw new RunFailure(input + ": " + target + " does not exist in the read-only host root; "
                        + "mount under /tmp or a --tmpfs, or use --rootfs");
            }
            if (Files.isDirectory(path) != directory) {
                throw new RunFailure(input + ": " + target + " is " + (directory ? "a file" : "a directory")
                        + " and the source is not; make them the same kind");
            }
        }
    }

    /**
     * Container root, an unprivileged host id, must be able to pass through every directory
     * above the source; otherwise the executor's bind fails with a bare "Permission denied".
     */
    private static void checkReachable(String input, Path source, long containerRoot) {
        if (containerRoot < 0) {
            return;
        }
        for (Path dir = Files.isDirectory(source) ? source : source.getParent(); dir != null; dir = dir.getParent()) {
            try {
                int owner = (Integer) Files.getAttribute(dir, "unix:uid");
                int mode = (Integer) Files.getAttribute(dir, "unix:mode");
                if ((mode & 01) == 0 && owner != containerRoot) {
                    throw new RunFailure(input + ": container root (host uid " + containerRoot + ") cannot enter " + dir
                            + " (mode " + Integer.toOctalString(mode & 07777) + ", owner " + owner + "); chmod o+x it");
                }
            } catch (IOException e) {
                throw new RunFailure(input + ": cannot read " + dir + ": " + e.getMessage());
            }
        }
    }

    private static Path realDirectory(String input, String dir) {
        Path p = Path.of(dir);
        if (!Files.isDirectory(p)) {
            throw new RunFailure(input + " " + dir + ": no such directory");
        }
        Path real = real(p);
        if (real.getParent() == null) {
            throw new RunFailure(input + " " + dir + ": the host's root; leave --rootfs out to run on it read-only");
        }
        return real;
    }

    private static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            throw new RunFailure(p + ": cannot resolve: " + e.getMessage());
        }
    }
}
