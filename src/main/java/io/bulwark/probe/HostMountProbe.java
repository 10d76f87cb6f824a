package io.bulwark.probe;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.bulwark.audit.Confidence;
import io.bulwark.audit.Fact;
import io.bulwark.audit.FactSpec;
import io.bulwark.os.MountInfo;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Host mounts: container engine sockets the process can connect to, and sensitive host paths
 * bind-mounted into it. A bind is recognised by what the mount table says of its source — the
 * root field (the path inside the host filesystem) and the filesystem type — never by the
 * mount point alone. In the host's initial mount namespace nothing is a bind into a container.
 */
public final class HostMountProbe implements Probe {

    record Data(@JsonProperty("sockets") List<String> sockets,
                @JsonProperty("socket-patterns") List<String> socketPatterns,
                @JsonProperty("socket-names") List<String> socketNames,
                @JsonProperty("sensitive") List<Sensitive> sensitive,
                @JsonProperty("disk-filesystems") List<String> diskFilesystems,
                @JsonProperty("own-device-prefixes") List<String> ownDevicePrefixes,
                @JsonProperty("host-run-markers") List<String> hostRunMarkers) {
    }

    record Sensitive(@JsonProperty("path") String path, @JsonProperty("below") boolean below) {
    }

    private static final Data DATA = ProbeData.load("host-mounts.yaml", Data.class);
    private static final int S_IFMT = 0170000;
    private static final int S_IFSOCK = 0140000;

    @Override
    public List<FactSpec> facts() {
        return List.of(
                FactSpec.list("host_mounts.sockets", "container engine sockets (Docker, containerd, CRI-O, Podman and others) that accept a connection"),
                FactSpec.bool("host_mounts.docker_socket", "a docker.sock accepts a connection"),
                FactSpec.list("host_mounts.sensitive", "sensitive host paths bind-mounted into the target (/, /etc, /run, /var/lib/docker, host /proc, /sys, /dev and others), by host path"),
                FactSpec.list("host_mounts.sensitive_writable", "those of host_mounts.sensitive mounted read-write and allowed by access(W_OK)"));
    }

    @Override
    public List<Fact> collect(ProbeContext ctx) {
        Parsed<MountInfo> mounts = ctx.mountInfo();
        List<Fact> facts = new ArrayList<>(sockets(ctx, mounts));
        facts.addAll(sensitive(ctx, mounts));
        return facts;
    }

    private static List<Fact> sockets(ProbeContext ctx, Parsed<MountInfo> mounts) {
        Set<String> candidates = new LinkedHashSet<>(DATA.sockets());
        DATA.socketPatterns().forEach(p -> candidates.addAll(expand(ctx, p)));
        mounts.optional().ifPresent(table -> table.visible().stream()
                .filter(m -> DATA.socketNames().contains(fileName(m.root())) || DATA.socketNames().contains(fileName(m.mountPoint())))
                .forEach(m -> candidates.add(m.mountPoint())));
        List<String> reachable = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        Set<Path> seen = new LinkedHashSet<>();
        for (String socket : candidates) {
            Path path = ctx.path(socket);
            if (!isSocket(path) || !seen.add(realPath(path))) {
                continue;
            }
            try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                channel.connect(UnixDomainSocketAddress.of(path));
                reachable.add(socket);
            } catch (IOException | SecurityException e) {
                refused.add(socket + " (" + ProcProbe.describe((Exception) e) + ")");
            }
        }
        String evidence = (reachable.isEmpty() ? "no engine socket accepts a connection" : "connected and closed, nothing sent: "
                + String.join(", ", reachable)) + (refused.isEmpty() ? "" : "; present but refused: " + String.join(", ", refused))
                + "; " + candidates.size() + " places checked";
        boolean docker = reachable.stream().anyMatch(s -> fileName(s).equals("docker.sock"));
        return List.of(Fact.of("host_mounts.sockets", reachable, evidence), Fact.of("host_mounts.docker_socket", docker, evidence));
    }

    private static List<String> expand(ProbeContext ctx, String pattern) {
        int star = pattern.indexOf("/*/");
        if (star < 0) {
            return List.of(pattern);
        }
        List<String> paths = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(ctx.path(pattern.substring(0, star)))) {
            for (Path dir : dirs) {
                paths.add(pattern.substring(0, star) + "/" + dir.getFileName() + pattern.substring(star + 2));
            }
        } catch (IOException | SecurityException e) {
            // no such directory: nothing to expand
        }
        return paths;
    }

    private static boolean isSocket(Path path) {
        try {
            Object mode = Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            return ((Integer) mode & S_IFMT) == S_IFSOCK;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | SecurityException e) {
            return false;
        }
    }

    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path;
        }
    }

    static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static List<Fact> sensitive(ProbeContext ctx, Parsed<MountInfo> mounts) {
        if (!mounts.ok()) {
            return List.of(Fact.unobserved("host_mounts.sensitive", mounts.problem()),
                    Fact.unobserved("host_mounts.sensitive_writable", mounts.problem()));
        }
        Optional<NamespaceSharing> mnt = NamespaceSharing.of(ctx, "mnt");
        if (mnt.isPresent() && mnt.get().initial()) {
            String why = "the host's own mount namespace (" + mnt.get().evidence() + "): its mounts are the host's, not binds into a container";
            return List.of(Fact.inferred("host_mounts.sensitive", List.of(), mnt.get().confidence(), why),
                    Fact.inferred("host_mounts.sensitive_writable", List.of(), mnt.get().confidence(), why));
        }
        Map<String, List<String>> found = new LinkedHashMap<>();
        Map<String, List<String>> writable = new LinkedHashMap<>();
        for (MountInfo.Mount m : mounts.value().visible()) {
            Optional<String> hostPath = hostPath(ctx, m);
            if (hostPath.isEmpty()) {
                continue;
            }
            found.computeIfAbsent(hostPath.get(), k -> new ArrayList<>()).add(m.describe());
            if (!m.readOnly() && Files.isWritable(ctx.path(m.mountPoint()))) {
                writable.computeIfAbsent(hostPath.get(), k -> new ArrayList<>()).add(m.mountPoint());
            }
        }
        Confidence confidence = mnt.map(NamespaceSharing::confidence).orElse(Confidence.GUESS);
        String ns = mnt.map(NamespaceSharing::evidence).orElse("ns/mnt unreadable, so taken for a container's");
        String evidence = found.isEmpty() ? "no visible mount exposes a sensitive host path; " + ns
                : describe(found) + "; " + ns;
        return List.of(
                Fact.inferred("host_mounts.sensitive", List.copyOf(found.keySet()), confidence, evidence),
                Fact.inferred("host_mounts.sensitive_writable", List.copyOf(writable.keySet()), confidence,
                        writable.isEmpty() ? "none is both read-write and allowed by access(W_OK)" : "read-write with access(W_OK): " + describe(writable)));
    }

    private static String describe(Map<String, List<String>> byHostPath) {
        List<String> parts = new ArrayList<>();
        byHostPath.forEach((host, where) -> parts.add("host " + host + ": " + String.join(", ", where)));
        return String.join("; ", parts);
    }

    /** The sensitive host path a mount exposes, if any. */
    private static Optional<String> hostPath(ProbeContext ctx, MountInfo.Mount m) {
        String point = m.mountPoint();
        switch (m.fsType()) {
            case "proc":
                return MountInfo.isAtOrAbove("/proc", point) ? Optional.empty() : Optional.of("/proc");
            case "sysfs":
                return MountInfo.isAtOrAbove("/sys", point) ? Optional.empty() : Optional.of("/sys");
            case "devtmpfs":
                // devtmpfs is one superblock, the host's: its root is the host's whole /dev
                return m.root().equals("/") ? Optional.of("/dev") : Optional.empty();
            case "tmpfs":
                return (point.equals("/run") || point.equals("/var/run")) && m.root().equals("/") && holdsHostRun(ctx, point)
                        ? Optional.of("/run") : Optional.empty();
            default:
                break;
        }
        if (!DATA.diskFilesystems().contains(m.fsType()) || DATA.ownDevicePrefixes().stream().anyMatch(m.source()::startsWith)) {
            return Optional.empty();
        }
        for (Sensitive s : DATA.sensitive()) {
            if (m.root().equals(s.path()) || (s.below() && MountInfo.isAtOrAbove(s.path(), m.root()))) {
                return Optional.of(s.path());
            }
        }
        return Optional.empty();
    }

    private static boolean holdsHostRun(ProbeContext ctx, String point) {
        return DATA.hostRunMarkers().stream().anyMatch(name -> Files.exists(ctx.path(point + "/" + name), LinkOption.NOFOLLOW_LINKS));
    }
}
