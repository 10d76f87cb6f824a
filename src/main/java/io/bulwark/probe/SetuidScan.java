package io.bulwark.probe;

import io.bulwark.audit.Fact;
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

/**
 * Finds the setuid-root and setgid-root regular files in the usual program directories of the
 * target's root: the programs an attacker would exec to regain root when no_new_privs is off.
 * Bounded: it stops after {@link #LIMIT} hits and says so.
 */
final class SetuidScan {
    static final String FACT = "privesc.setuid_binaries";
    static final List<String> DIRECTORIES = List.of("/bin", "/sbin", "/usr/bin", "/usr/sbin", "/usr/local/bin", "/usr/local/sbin");
    static final int LIMIT = 200;

    private static final int S_ISUID = 04000;
    private static final int S_ISGID = 02000;
    private static final int S_IFMT = 0170000;
    private static final int S_IFREG = 0100000;

    private SetuidScan() {
    }

    static Fact scan(ProbeContext ctx) {
        Map<Path, String> directories = resolveDirectories(ctx);
        List<String> found = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        int listed = 0;
        boolean truncated = false;
        for (Map.Entry<Path, String> dir : directories.entrySet()) {
            if (!Files.isDirectory(dir.getKey())) {
                notes.add(dir.getValue() + " absent");
                continue;
            }
            List<String> names = new ArrayList<>();
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir.getKey())) {
                listed++;
                for (Path entry : entries) {
                    if (isSetidRoot(entry)) {
                        names.add(entry.getFileName().toString());
                    }
                }
            } catch (IOException | SecurityException e) {
                notes.add("cannot list " + dir.getValue() + ": " + e.getMessage());
            }
            names.sort(null);
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
