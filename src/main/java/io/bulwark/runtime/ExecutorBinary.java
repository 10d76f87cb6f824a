package io.bulwark.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The executor packaged in the jar, extracted on first use into a private cache directory
 * (0700, owned by the caller: root's when run by root) under a name that holds its hash, and
 * checked before every use: owner, mode, and content.
 */
public final class ExecutorBinary {
    private static final String RESOURCE = "/io/bulwark/runtime/bulwark-exec";
    /** Executors of other builds kept beside the current one. */
    private static final int KEPT_OLDER = 3;
    private static final Set<PosixFilePermission> GROUP_OR_OTHER = Set.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private ExecutorBinary() {
    }

    /** The cache directory: $BULWARK_CACHE_DIR, else /var/cache/bulwark for root, else ~/.cache/bulwark. */
    public static Path cacheDir(int euid, Map<String, String> env) {
        if (env.containsKey("BULWARK_CACHE_DIR")) {
            return Path.of(env.get("BULWARK_CACHE_DIR"));
        }
        if (euid == 0) {
            return Path.of("/var/cache/bulwark");
        }
        String xdg = env.get("XDG_CACHE_HOME");
        return (xdg != null && xdg.startsWith("/") ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache"))
                .resolve("bulwark");
    }

    /** The private cache directory, created 0700 if missing, refused if anyone else could write it. */
    public static Path privateDir(Path dir, int euid) {
        try {
            if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(dir.getParent());
                try {
                    Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                } catch (FileAlreadyExistsException raced) {
                    // another run created it: checked below like any existing one
                }
            }
            checkPrivate(dir, euid, true);
            return dir;
        } catch (IOException e) {
            throw new RunFailure("cache directory " + dir + ": " + e.getMessage() + "; set BULWARK_CACHE_DIR to a private directory");
        }
    }

    /** The verified executor, extracted into {@code cacheDir} if it is not there yet. */
    public static Path extract(Path cacheDir, int euid) {
        byte[] content = packaged();
        Path exe = privateDir(cacheDir, euid).resolve("bulwark-exec-" + HexFormat.of().formatHex(sha256(content), 0, 8));
        try {
            if (!Files.exists(exe, LinkOption.NOFOLLOW_LINKS)) {
                Path tmp = Files.createTempFile(cacheDir, ".bulwark-exec-", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.write(tmp, content);
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("r-x------"));
                try {
                    Files.move(tmp, exe, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
                    Files.deleteIfExists(tmp);
                }
                pruneOlder(exe);
            }
            checkPrivate(exe, euid, false);
            if (!java.util.Arrays.equals(Files.readAllBytes(exe), content)) {
                throw new RunFailure("executor " + exe + " differs from the one bulwark ships; delete it to have it extracted again");
            }
            return exe;
        } catch (IOException e) {
            throw new RunFailure("cannot extract the executor into " + cacheDir + ": " + e.getMessage());
        }
    }

    /**
     * Each build of the executor is extracted beside the earlier ones, which no bulwark of
     * this version runs again: keep the few newest (a run of another version may still start
     * one; a running one is unaffected) and delete the rest.
     */
    private static void pruneOlder(Path exe) throws IOException {
        List<Path> executors;
        try (Stream<Path> files = Files.list(exe.getParent())) {
            executors = files.filter(f -> f.getFileName().toString().startsWith("bulwark-exec-") && !f.equals(exe))
                    .sorted(Comparator.comparing(ExecutorBinary::modified).reversed()).toList();
        }
        for (Path old : executors.subList(Math.min(KEPT_OLDER, executors.size()), executors.size())) {
            Files.deleteIfExists(old);
        }
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static void checkPrivate(Path p, int euid, boolean directory) throws IOException {
        if (Files.isSymbolicLink(p) || Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) != directory) {
            throw new RunFailure(p + " is not a " + (directory ? "directory" : "regular file") + "; remove it");
        }
        int owner = (Integer) Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
        perms.retainAll(GROUP_OR_OTHER);
        if (owner != euid || !perms.isEmpty()) {
            throw new RunFailure(p + " must be owned by uid " + euid + " and closed to group and others (it is uid "
                    + owner + ", " + PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS))
                    + "); fix or remove it");
        }
    }

    private static byte[] packaged() {
        try (InputStream in = ExecutorBinary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new RunFailure("this bulwark was built without its executor (" + RESOURCE + "); rebuild with gcc installed");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new RunFailure("cannot read the packaged executor: " + e.getMessage());
        }
    }

    private static byte[] sha256(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
