package io.bulwark.probe;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bulwark.audit.Confidence;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The containers the low-level OCI runtimes of this host (runc, crun) keep state for, read once
 * from their state directories ({@code state-dirs} in {@code runtime-signs.yaml}): a container
 * started by runc alone has no cgroup path or mount that names it, but runc records its id with
 * the init's pid and start time. Only a scan from the host sees these directories (root only),
 * and a state whose pid now belongs to a newer process names nothing.
 */
final class RuntimeStates {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One runtime's state root, and the fields of its per-container file that hold the init. */
    record StateDir(@JsonProperty("runtime") String runtime, @JsonProperty("root") String root,
                    @JsonProperty("file") String file, @JsonProperty("pid") String pid, @JsonProperty("start") String start) {
    }

    private record State(String runtime, String id, long pid, long startTime, Path file) {
    }

    private final Map<Long, List<State>> byPid;

    private RuntimeStates(Map<Long, List<State>> byPid) {
        this.byPid = byPid;
    }

    /** The states under {@code hostRoot} (the host's {@code /}); directories that are absent or closed to us hold none. */
    static RuntimeStates read(Path hostRoot) {
        Map<Long, List<State>> byPid = new HashMap<>();
        for (StateDir dir : RuntimeSigns.DATA.stateDirs()) {
            Path root = hostRoot.resolve(dir.root().substring(1));
            try (DirectoryStream<Path> containers = Files.newDirectoryStream(root)) {
                for (Path container : containers) {
                    state(dir, container).ifPresent(s -> byPid.computeIfAbsent(s.pid(), k -> new ArrayList<>()).add(s));
                }
            } catch (IOException | SecurityException e) {
                // no such runtime here, or not root: its containers stay named by the other signs
            }
        }
        return new RuntimeStates(byPid);
    }

    /** A container's state, when its file is there and holds both numbers; a half-written or foreign file names nothing. */
    private static Optional<State> state(StateDir dir, Path container) {
        Path file = container.resolve(dir.file());
        try {
            JsonNode json = JSON.readTree(file.toFile());
            JsonNode pid = json.path(dir.pid());
            JsonNode start = json.path(dir.start());
            if (!pid.canConvertToLong() || !start.canConvertToLong() || pid.asLong() <= 0) {
                return Optional.empty();
            }
            String id = container.getFileName().toString();
            return Optional.of(new State(dir.runtime(), id, pid.asLong(), start.asLong(), file));
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    /** The runtime's sign for the process {@code pid} started at {@code startTime}, naming the container's id. */
    List<RuntimeSigns.Sign> signs(long pid, long startTime) {
        return byPid.getOrDefault(pid, List.of()).stream()
                .filter(s -> s.startTime() == startTime)
                .map(s -> new RuntimeSigns.Sign(s.runtime(), "host state " + s.file() + " records init pid " + pid
                        + " started at tick " + startTime, Confidence.LIKELY, s.id()))
                .toList();
    }
}
