package io.bulwark.os;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The directory of a process's cgroup for one controller, as this mount namespace sees it:
 * the process's path in that hierarchy ({@code /proc/PID/cgroup}) placed under the mount of the
 * hierarchy ({@code mountinfo}). A cgroup mount shows in its root field which cgroup it
 * exposes: {@code /} for the whole tree (also the usual case inside a cgroup namespace, where
 * both paths start at the namespace's root), {@code /docker/ID} when a runtime bind-mounts the
 * container's own cgroup, {@code /..} when the mount reaches above the namespace's root.
 *
 * @param controller the controller asked for, e.g. {@code pids}
 * @param version    {@code v1} or {@code v2}
 * @param cgroupPath the process's path in the hierarchy, from {@code /proc/PID/cgroup}
 * @param mount      the mount of the hierarchy
 * @param directory  the cgroup's directory, an absolute path in the target's filesystem
 */
public record CgroupDirectory(String controller, String version, String cgroupPath, MountInfo.Mount mount, String directory) {

    /** Why a cgroup directory cannot be found from here; the message is the reason. */
    public static final class NotFound extends Exception {
        private static final long serialVersionUID = 1L;

        public NotFound(String message) {
            super(message);
        }
    }

    /**
     * Finds the directory for {@code controller}: in the v1 hierarchy that carries it when
     * there is one, else in the v2 unified hierarchy (whether the controller is enabled there
     * is for the caller to see from the files present).
     */
    public static CgroupDirectory locate(String controller, CgroupMembership membership, MountInfo mounts) throws NotFound {
        Optional<CgroupMembership.Entry> v1 = membership.v1(controller);
        if (v1.isPresent()) {
            List<MountInfo.Mount> candidates = mounts.ofType("cgroup").stream()
                    .filter(m -> m.superOptions().contains(controller)).toList();
            return place(controller, "v1", v1.get(), candidates);
        }
        Optional<CgroupMembership.Entry> unified = membership.unified();
        if (unified.isEmpty()) {
            throw new NotFound("the process is in no v1 hierarchy with " + controller + " and in no v2 hierarchy");
        }
        return place(controller, "v2", unified.get(), mounts.ofType("cgroup2"));
    }

    private static CgroupDirectory place(String controller, String version, CgroupMembership.Entry entry,
                                         List<MountInfo.Mount> candidates) throws NotFound {
        if (candidates.isEmpty()) {
            throw new NotFound("the " + version + " hierarchy of " + controller + " (cgroup line " + entry
                    + ") is not mounted in this mount namespace");
        }
        List<String> refused = new ArrayList<>();
        for (MountInfo.Mount m : candidates) {
            Optional<String> relative = relative(m.root(), entry.path());
            if (relative.isPresent()) {
                return new CgroupDirectory(controller, version, entry.path(), m, join(m.mountPoint(), relative.get()));
            }
            refused.add(m.describe());
        }
        throw new NotFound("the process's " + version + " cgroup " + entry.path() + " of " + controller
                + " lies outside what the mounts expose: " + String.join("; ", refused)
                + " (a root of /.. means the cgroup namespace's root is below the mount's root, at a place not shown)");
    }

    /** {@code path} relative to a mount whose root is {@code mountRoot}, or empty when outside it. */
    static Optional<String> relative(String mountRoot, String path) {
        if (mountRoot.contains("/..") || path.contains("/..")) {
            return Optional.empty();
        }
        if (mountRoot.equals("/")) {
            return Optional.of(path);
        }
        if (path.equals(mountRoot)) {
            return Optional.of("/");
        }
        if (path.startsWith(mountRoot + "/")) {
            return Optional.of(path.substring(mountRoot.length()));
        }
        return Optional.empty();
    }

    private static String join(String mountPoint, String relative) {
        if (relative.equals("/")) {
            return mountPoint;
        }
        return mountPoint.equals("/") ? relative : mountPoint + relative;
    }

    /** True when the directory is the root of what the mount exposes: nothing above it is visible. */
    public boolean atMountRoot() {
        return directory.equals(mount.mountPoint());
    }

    /** This directory and each parent up to the mount point, nearest first. */
    public List<String> upToMountRoot() {
        List<String> dirs = new ArrayList<>();
        String dir = directory;
        dirs.add(dir);
        while (!dir.equals(mount.mountPoint()) && dir.lastIndexOf('/') > 0) {
            dir = dir.substring(0, dir.lastIndexOf('/'));
            dirs.add(dir);
        }
        if (!dir.equals(mount.mountPoint())) {
            dirs.add(mount.mountPoint());
        }
        return dirs;
    }
}
