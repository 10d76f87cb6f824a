package io.bulwark.probe;

import io.bulwark.os.DeviceNode;
import io.bulwark.os.DeviceNumber;
import io.bulwark.os.DeviceTree;
import io.bulwark.os.MountInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Recognises the masks runtimes put over kernel paths (runc's maskedPaths, as Docker, Podman
 * and bulwark run use them): a file hidden behind a bind of {@code /dev/null}, a directory
 * behind an empty read-only tmpfs.
 */
final class Masking {
    private Masking() {
    }

    /** How {@code absolute} is masked, for evidence, or empty when it is not. */
    static Optional<String> maskOf(ProbeContext ctx, Optional<MountInfo> mounts, String absolute) {
        Path path = ctx.path(absolute);
        Optional<MountInfo.Mount> mount = mounts.flatMap(m -> m.at(absolute));
        String where = mount.map(m -> " (" + m.describe() + ")").orElse("");
        Optional<DeviceNode> node = DeviceTree.node(path, absolute);
        if (node.isPresent() && node.get().kind() == DeviceNode.Kind.CHAR && node.get().number().equals(DeviceNumber.NULL)) {
            return Optional.of("masked: " + absolute + " is /dev/null (c 1:3)" + where);
        }
        if (mount.isEmpty()) {
            return Optional.empty();
        }
        MountInfo.Mount m = mount.get();
        if (m.root().endsWith("/null") && (m.fsType().equals("tmpfs") || m.fsType().equals("devtmpfs"))) {
            return Optional.of("masked: /dev/null is bind-mounted over it" + where);
        }
        if (m.fsType().equals("tmpfs") && m.readOnly() && emptyOrUnreadable(path)) {
            return Optional.of("masked: an empty read-only tmpfs is mounted over it" + where);
        }
        return Optional.empty();
    }

    private static boolean emptyOrUnreadable(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException | SecurityException e) {
            return true;
        }
    }
}
