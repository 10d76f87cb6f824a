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
    private static final int S_IFDIR = 0040000;
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
                Optional<Map<String, Object>> attributes = attributes(entry);
                if (attributes.isPresent() && type(attributes.get()) == S_IFDIR) {
                    if (depth + 1 < MAX_DEPTH) {
                        try {
                            walk(entry, name + "/", depth + 1, nodes, seen);
                        } catch (IOException e) {
                            // a directory we may not list hides nothing we could open either
                        }
                    }
                    continue;
                }
                attributes.flatMap(a -> node(a, name)).ifPresent(nodes::add);
            }
        }
    }

    /** The node at {@code path}, if it is a character or block device (links are not followed). */
    public static Optional<DeviceNode> node(Path path, String name) {
        return attributes(path).flatMap(a -> node(a, name));
    }

    /** One lstat per entry: the walk tells a directory from a device by the same attributes. */
    private static Optional<Map<String, Object>> attributes(Path path) {
        try {
            return Optional.of(Files.readAttributes(path, "unix:mode,rdev", LinkOption.NOFOLLOW_LINKS));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static int type(Map<String, Object> attributes) {
        return (Integer) attributes.get("mode") & S_IFMT;
    }

    private static Optional<DeviceNode> node(Map<String, Object> attributes, String name) {
        int type = type(attributes);
        if (type != S_IFCHR && type != S_IFBLK) {
            return Optional.empty();
        }
        DeviceNumber number = DeviceNumber.fromRdev((Long) attributes.get("rdev"));
        return Optional.of(new DeviceNode(name, type == S_IFCHR ? DeviceNode.Kind.CHAR : DeviceNode.Kind.BLOCK, number));
    }
}
