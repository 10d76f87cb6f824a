package io.bulwark.probe;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Looks for something writable at or under a path with {@code access(W_OK)} only — nothing is
 * opened. Only files with a write bit in their mode count: root's DAC override makes
 * access(W_OK) pass on a 0444 file of procfs or sysfs, which has no write handler at all.
 * The named files go first; then a breadth-first walk in name order, bounded so a large tree
 * such as {@code /proc/sys} costs a few hundred calls at most.
 *
 * @param found   the first path access(W_OK) allows, if any
 * @param checked how many files were asked
 */
record WritableSearch(Optional<Path> found, int checked) {
    static final int MAX_CHECKS = 300;
    private static final int MAX_DEPTH = 3;

    static WritableSearch under(Path start, List<String> probeFirst) {
        int checked = 0;
        if (!Files.isDirectory(start, LinkOption.NOFOLLOW_LINKS)) {
            return new WritableSearch(writable(start) ? Optional.of(start) : Optional.empty(), 1);
        }
        for (String name : probeFirst) {
            Path file = start.resolve(name);
            if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                checked++;
                if (writable(file)) {
                    return new WritableSearch(Optional.of(file), checked);
                }
            }
        }
        Deque<Path> dirs = new ArrayDeque<>(List.of(start));
        while (!dirs.isEmpty() && checked < MAX_CHECKS) {
            Path dir = dirs.poll();
            for (Path entry : sortedEntries(dir)) {
                Optional<PosixFileAttributes> attributes = attributes(entry);
                if (attributes.isEmpty()) {
                    continue;
                }
                if (attributes.get().isDirectory()) {
                    if (start.relativize(entry).getNameCount() < MAX_DEPTH) {
                        dirs.add(entry);
                    }
                } else if (attributes.get().isRegularFile() && checked < MAX_CHECKS) {
                    checked++;
                    if (writable(entry, attributes.get().permissions())) {
                        return new WritableSearch(Optional.of(entry), checked);
                    }
                }
            }
        }
        return new WritableSearch(Optional.empty(), checked);
    }

    /** A write bit for someone, and access(W_OK) for this process. */
    static boolean writable(Path file) {
        try {
            return writable(file, Files.getPosixFilePermissions(file));
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    private static boolean writable(Path file, Set<PosixFilePermission> mode) {
        boolean writeBit = mode.contains(PosixFilePermission.OWNER_WRITE) || mode.contains(PosixFilePermission.GROUP_WRITE)
                || mode.contains(PosixFilePermission.OTHERS_WRITE);
        return writeBit && Files.isWritable(file);
    }

    /** One lstat tells the walk a directory from a file and gives the mode bits. */
    private static Optional<PosixFileAttributes> attributes(Path entry) {
        try {
            return Optional.of(Files.readAttributes(entry, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return Optional.empty();
        }
    }

    private static List<Path> sortedEntries(Path dir) {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            stream.forEach(entries::add);
        } catch (IOException | SecurityException e) {
            return List.of();
        }
        entries.sort(null);
        return entries;
    }
}
