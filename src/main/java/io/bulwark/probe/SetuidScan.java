package io.bulwark.probe;

import io.bulwark.audit.Fact;
import io.bulwark.os.MountInfo;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the setuid-root and setgid-root regular files in the usual program directories of the
 * target's root: the programs an attacker would exec to regain root when no_new_privs is off.
 * Bounded: it stops after {@link #LIMIT} hits and says so.
 *
 * <p>One instance serves a whole scan, and remembers what each directory held: containers that
 * share a filesystem (sandboxes on the host's root, pods from one image layer on a shared
 * mount) show the same directory, and stat-ing its thousand entries again for each of them was
 * most of the cost of {@code scan --all}. A directory is known by device and inode (and mtime,
 * for one changed meanwhile); it is walked afresh when the target has something mounted inside
 * it, since a file bind-mounted over an entry is seen only from that target.
 */
final class SetuidScan {
    static final String FACT = "privesc.setuid_binaries";
    static final List<String> DIRECTORIES = List.of("/bin", "/sbin", "/usr/bin", "/usr/sbin", "/usr/local/bin", "/usr/local/sbin");
    static final int LIMIT = 200;

    private static final int S_ISUID = 04000;
    private static final int S_ISGID = 02000;
    private static final int S_IFMT = 0170000;
    private static final int S_IFREG = 0100000;

    /** A directory as the kernel knows it, whichever root it is reached through. */
    private record DirectoryId(Object device, Object inode, Object modified) {
    }

    private final Map<DirectoryId, List<String>> walked = new ConcurrentHashMap<>();

    Fact scan(ProbeContext ctx) {
        Map<Path, String> directories = resolveDirectories(ctx);
        Optional<List<String>> mountPoints = mountPoints(ctx);
        List<String> found = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        int listed = 0;
        boolean truncated = false;
        for (Map.Entry<Path, String> dir : directories.entrySet()) {
            if (!Files.isDirectory(dir.getKey())) {
                notes.add(dir.getValue() + " absent");
                continue;
            }
            List<String> names;
            try {
                names = setidRootNames(dir.getKey(), cacheable(ctx, dir.getKey(), mountPoints));
                listed++;
            } catch (IOException | SecurityException e) {
                notes.add("cannot list " + dir.getValue() + ": " + e.getMessage());
                continue;
            }
            for (String name : names) {
                if (found.size() == LIMIT) {
                    truncated = true;
                    break;
                }
                found.add(dir.getValue() + "/" + name);
            }
        }
        if (listed == 0 && notes.stream().anyMatch(n -> n.startsWith("cannot list"))) {
            return Fact.unobserved(FACT, "no program directory could be listed: " + String.join("; ", notes));
        }
        String evidence = "scanned " + String.join(" ", directories.values()) + " under " + ctx.root() + ": "
                + (found.isEmpty() ? "no setuid-root or setgid-root file" : found.size() + " setuid/setgid-root file(s)")
                + (truncated ? "; stopped after " + LIMIT + ", there are more" : "")
                + (notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")");
        return Fact.of(FACT, found, evidence);
    }

    /** The sorted names of the setuid/setgid-root files in {@code dir}, from an earlier walk when {@code cacheable}. */
    private List<String> setidRootNames(Path dir, boolean cacheable) throws IOException {
        Optional<DirectoryId> id = cacheable ? directoryId(dir) : Optional.empty();
        if (id.isPresent()) {
            List<String> known = walked.get(id.get());
            if (known != null) {
                return known;
            }
        }
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                if (isSetidRoot(entry)) {
                    names.add(entry.getFileName().toString());
                }
            }
        }
        names.sort(null);
        List<String> result = List.copyOf(names);
        id.ifPresent(key -> walked.put(key, result));
        return result;
    }

    private static Optional<DirectoryId> directoryId(Path dir) {
        try {
            Map<String, Object> attrs = Files.readAttributes(dir, "unix:dev,ino,lastModifiedTime");
            return Optional.of(new DirectoryId(attrs.get("dev"), attrs.get("ino"), attrs.get("lastModifiedTime")));
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return Optional.empty();
        }
    }

    /** The target's mount points, in its own view; empty when its mount table cannot be read. */
    private static Optional<List<String>> mountPoints(ProbeContext ctx) {
        return ctx.mountInfo().optional().map(m -> m.all().stream().map(MountInfo.Mount::mountPoint).toList());
    }

    /** A walk may be shared only when the target's mount table is known and nothing is mounted below the directory. */
    private static boolean cacheable(ProbeContext ctx, Path dir, Optional<List<String>> mountPoints) {
        if (mountPoints.isEmpty()) {
            return false;
        }
        String inside = "/" + ctx.root().relativize(dir.normalize());
        return mountPoints.get().stream().noneMatch(m -> !m.equals(inside) && MountInfo.isAtOrAbove(inside, m));
    }

    /**
     * The directories to list, keyed by where they really are so that a merged /usr
     * ({@code /bin -> usr/bin}) is listed once. A symlinked directory is resolved one level
     * inside the target root, never against the scanning process's own root.
     */
    static Map<Path, String> resolveDirectories(ProbeContext ctx) {
        Map<Path, String> byLocation = new LinkedHashMap<>();
        for (String dir : DIRECTORIES) {
            Path path = ctx.path(dir);
            Path location = inRoot(ctx, path).orElse(path).normalize();
            if (location.equals(path.normalize())) {
                byLocation.put(location, dir);
            } else {
                byLocation.putIfAbsent(location, dir);
            }
        }
        return byLocation;
    }

    private static Optional<Path> inRoot(ProbeContext ctx, Path path) {
        if (!Files.isSymbolicLink(path)) {
            return Optional.of(path);
        }
        try {
            Path target = Files.readSymbolicLink(path);
            return Optional.of(target.isAbsolute() ? ctx.path(target.toString()) : path.resolveSibling(target));
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    private static boolean isSetidRoot(Path file) {
        try {
            Map<String, Object> attrs = Files.readAttributes(file, "unix:mode,uid,gid", LinkOption.NOFOLLOW_LINKS);
            int mode = (Integer) attrs.get("mode");
            if ((mode & S_IFMT) != S_IFREG) {
                return false;
            }
            boolean setuidRoot = (mode & S_ISUID) != 0 && (Integer) attrs.get("uid") == 0;
            boolean setgidRoot = (mode & S_ISGID) != 0 && (Integer) attrs.get("gid") == 0;
            return setuidRoot || setgidRoot;
        } catch (IOException | UnsupportedOperationException | SecurityException | ClassCastException e) {
            return false;
        }
    }
}
