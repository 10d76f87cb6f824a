package io.bulwark.os;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lists the device nodes under a directory, as {@code ls -l} would show them: the file type
 * and {@code st_rdev} from the JDK's {@code unix:} attribute view (lstat). Symbolic links are
 * not followed, so {@code /dev/fd} and {@code /dev/disk/by-id/…} add nothing of their own.
 */
public final class DeviceTree {
    private static final int MAX_DEPTH = 4;
    private static final int MAX_ENTRIES = 20_000;
    private static final int S_IFMT = 0170000;
    private static final int S_IFCHR = 0020000;
    private static final int S_IFBLK = 0060000;

    private DeviceTree() {
    }

    /** The device nodes below {@code dir}, sorted by name; unreadable subdirectories are skipped. */
    public static List<DeviceNode> list(Path dir) throws IOException {
        List<DeviceNode> nodes = new ArrayList<>();
        walk(dir, "", 0, nodes, new int[1]);
        nodes.sort((a, b) -> a.name().compareTo(b.name()));
        return nodes;
    }

    private static void walk(Path dir, String prefix, int depth, List<DeviceNode> nodes, int[] seen) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                if (++seen[0] > MAX_ENTRIES) {
                    return;
                }
                String name = prefix + entry.getFileName();
                if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                    if (depth + 1 < MAX_DEPTH) {
                        try {
                            walk(entry, name + "/", depth + 1, nodes, seen);
                        } catch (IOException e) {
                            // a directory we may not list hides nothing we could open either
                        }
                    }
                    continue;
                }
                node(entry, name).ifPresent(nodes::add);
            }
        }
    }

    /** The node at {@code path}, if it is a character or block device (links are not followed). */
    public static Optional<DeviceNode> node(Path path, String name) {
        try {
            Map<String, Object> attrs = Files.readAttributes(path, "unix:mode,rdev", LinkOption.NOFOLLOW_LINKS);
            int type = (Integer) attrs.get("mode") & S_IFMT;
            DeviceNumber number = DeviceNumber.fromRdev((Long) attrs.get("rdev"));
            if (type == S_IFCHR) {
                return Optional.of(new DeviceNode(name, DeviceNode.Kind.CHAR, number));
            }
            if (type == S_IFBLK) {
                return Optional.of(new DeviceNode(name, DeviceNode.Kind.BLOCK, number));
            }
            return Optional.empty();
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
