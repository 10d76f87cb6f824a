package io.bulwark.probe;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.bulwark.audit.Confidence;
import io.bulwark.os.CgroupMembership;
import io.bulwark.os.MountInfo;
import io.bulwark.os.ProcessStat;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Gathers the signs of a container runtime from cgroup paths, marker files, the environment, mounts and pid 1. */
final class RuntimeSigns {

    /**
     * One sign.
     *
     * @param runtime the runtime it points to
     * @param what    what was seen, for evidence
     * @param id      the container id it names, or null
     */
    record Sign(String runtime, String what, Confidence confidence, String id) {
        @Override
        public String toString() {
            return runtime + ": " + what + " (" + confidence.id() + ")";
        }
    }

    record Data(@JsonProperty("cgroup-patterns") List<CgroupPattern> cgroupPatterns,
                @JsonProperty("mount-patterns") List<MountPattern> mountPatterns,
                @JsonProperty("container-env") Map<String, String> containerEnv,
                @JsonProperty("pid1-commands") List<CgroupPattern> pid1Commands,
                @JsonProperty("state-dirs") List<RuntimeStates.StateDir> stateDirs,
                @JsonProperty("precedence") List<String> precedence) {
    }

    record CgroupPattern(@JsonProperty("runtime") String runtime, @JsonProperty("pattern") Pattern pattern) {
    }

    record MountPattern(@JsonProperty("runtime") String runtime, @JsonProperty("field") String field,
                        @JsonProperty("pattern") Pattern pattern, @JsonProperty("at") Pattern at,
                        @JsonProperty("confidence") String confidence) {
    }

    static final Data DATA = ProbeData.load("runtime-signs.yaml", Data.class);

    private RuntimeSigns() {
    }

    static List<Sign> fromCgroups(CgroupMembership groups) {
        List<Sign> signs = new ArrayList<>();
        for (CgroupMembership.Entry entry : groups.entries()) {
            for (CgroupPattern p : DATA.cgroupPatterns()) {
                Matcher m = p.pattern().matcher(entry.path());
                if (m.find()) {
                    signs.add(new Sign(p.runtime(), "cgroup " + entry, Confidence.LIKELY, group(m)));
                    break;
                }
            }
        }
        return signs;
    }

    static List<Sign> fromMounts(MountInfo mounts) {
        List<Sign> signs = new ArrayList<>();
        for (MountPattern p : DATA.mountPatterns()) {
            for (MountInfo.Mount mount : mounts.visible()) {
                if (p.at() != null && !p.at().matcher(mount.mountPoint()).find()) {
                    continue;
                }
                Optional<String> value = switch (p.field()) {
                    case "root" -> Optional.of(mount.root());
                    case "mount-point" -> Optional.of(mount.mountPoint());
                    case "upperdir" -> mount.superOption("upperdir");
                    case "fs-type" -> Optional.of(mount.fsType());
                    default -> throw new IllegalStateException("runtime-signs.yaml: unknown mount field " + p.field());
                };
                Matcher m = p.pattern().matcher(value.orElse(""));
                if (value.isPresent() && m.find()) {
                    Confidence c = Confidence.valueOf(p.confidence().toUpperCase(Locale.ROOT));
                    signs.add(new Sign(p.runtime(), p.field() + " of " + mount.describe(), c, group(m)));
                    break;
                }
            }
        }
        return signs;
    }

    static List<Sign> fromFiles(ProbeContext ctx) {
        List<Sign> signs = new ArrayList<>();
        if (Files.exists(ctx.path("/.dockerenv"), LinkOption.NOFOLLOW_LINKS)) {
            signs.add(new Sign("docker", "/.dockerenv exists (images built by Docker can carry it onto any host)", Confidence.GUESS, null));
        }
        Optional<String> containerenv = ProbeContext.tryRead(ctx.path("/run/.containerenv"));
        if (containerenv.isPresent()) {
            Map<String, String> keys = keyValues(containerenv.get());
            String engine = keys.getOrDefault("engine", "");
            signs.add(new Sign("podman", "/run/.containerenv exists" + (engine.isEmpty() ? "" : " (engine " + engine + ")"),
                    Confidence.LIKELY, keys.get("id")));
        }
        return signs;
    }

    /** {@code container=} and Kubernetes' service variables in the environment. */
    static List<Sign> fromEnvironment(String environ) {
        List<Sign> signs = new ArrayList<>();
        for (String entry : environ.split("\0")) {
            if (entry.startsWith("container=")) {
                String value = entry.substring("container=".length());
                String runtime = DATA.containerEnv().getOrDefault(value, "unknown-container");
                signs.add(new Sign(runtime, "environment container=" + value, Confidence.LIKELY, null));
            } else if (entry.startsWith("KUBERNETES_SERVICE_HOST=")) {
                signs.add(new Sign("kubernetes", "environment KUBERNETES_SERVICE_HOST is set", Confidence.LIKELY, null));
            }
        }
        return signs;
    }

    /** pid 1's command, meaningful only when the process has a pid namespace of its own. */
    static List<Sign> fromPid1(ProcessStat init) {
        for (CgroupPattern p : DATA.pid1Commands()) {
            if (p.pattern().matcher(init.command()).find()) {
                return List.of(new Sign(p.runtime(), "pid 1 of the pid namespace is '" + init.command() + "'", Confidence.LIKELY, null));
            }
        }
        return List.of();
    }

    private static String group(Matcher m) {
        return m.groupCount() >= 1 ? m.group(1) : null;
    }

    /** {@code key="value"} lines, as Podman writes {@code /run/.containerenv}. */
    static Map<String, String> keyValues(String text) {
        Map<String, String> keys = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                keys.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip().replaceAll("^\"|\"$", ""));
            }
        }
        return keys;
    }
}
