package io.bulwark.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.bulwark.os.IdMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** An OCI runtime {@code config.json}: everything is stated; what is absent is not done (no masks, no filter). */
final class OciConfigReader {
    private static final Map<String, String> NS_TYPES = Map.of("pid", "pid", "network", "net", "ipc", "ipc", "uts", "uts",
            "mount", "mnt", "user", "user", "cgroup", "cgroup", "time", "time");

    private OciConfigReader() {
    }

    static boolean accepts(JsonNode node) {
        return node.isObject() && node.has("ociVersion");
    }

    static ContainerSpec read(JsonNode c, String source, FieldLines lines) {
        ContainerSpec.Draft d = new ContainerSpec.Draft();
        d.format = "oci";
        d.name = c.path("hostname").asText("config.json");
        JsonNode process = c.path("process");
        JsonNode linux = c.path("linux");
        d.privileged = false;
        capabilities(d, process.path("capabilities"), lines);
        d.uid = process.path("user").path("uid").isNumber() ? process.path("user").path("uid").asLong() : 0L;
        d.noNewPrivs = process.path("noNewPrivileges").asBoolean(false);
        line(d, lines, "noNewPrivileges", "privesc.");
        seccomp(d, linux, source, lines);
        namespaces(d, linux, lines);
        JsonNode pids = linux.path("resources").path("pids").path("limit");
        d.pidsLimit = pids.isNumber() && pids.asLong() > 0 ? pids.asLong() : -1L;
        line(d, lines, "pids", "cgroup.pids");
        mounts(d, c.path("mounts"), lines);
        List<String> devices = new ArrayList<>();
        linux.path("devices").forEach(dev -> devices.add(dev.path("path").asText()));
        d.devices = devices;
        d.maskedPaths = strings(linux.path("maskedPaths"));
        d.readonlyPaths = strings(linux.path("readonlyPaths"));
        line(d, lines, "maskedPaths", "proc.");
        d.apparmor = process.path("apparmorProfile").asText("");
        d.selinux = process.path("selinuxLabel").asText("");
        return d.done();
    }

    private static void capabilities(ContainerSpec.Draft d, JsonNode caps, FieldLines lines) {
        d.effectiveCaps = Capabilities.names(caps.path("effective"));
        d.boundingCaps = Capabilities.names(caps.path("bounding"));
        d.inheritableCaps = Capabilities.names(caps.path("inheritable"));
        // The kernel raises an ambient capability only when it is permitted and inheritable
        // too (PR_CAP_AMBIENT_RAISE); 'runc spec' asks for three with no inheritable set, and
        // the container runs with none.
        List<String> permitted = Capabilities.names(caps.path("permitted"));
        d.ambientCaps = Capabilities.names(caps.path("ambient")).stream()
                .filter(cap -> permitted.contains(cap) && d.inheritableCaps.contains(cap)).toList();
        d.notes.put("caps.", "process.capabilities (ambient: only those also permitted and inheritable, as the kernel allows)");
        line(d, lines, "capabilities", "caps.");
    }

    private static void seccomp(ContainerSpec.Draft d, JsonNode linux, String source, FieldLines lines) {
        if (linux.has("seccomp")) {
            d.unconfined = false;
            d.seccomp = SeccompProfiles.inline(source + " (linux.seccomp)", linux.path("seccomp").toString());
            d.seccompSource = "linux.seccomp of " + source;
            line(d, lines, "seccomp", "seccomp.");
            line(d, lines, "seccomp", "syscall.");
        } else {
            d.unconfined = true;
            d.seccompSource = "no linux.seccomp";
        }
    }

    /** Every namespace the config does not create is the host's; one it joins by path cannot be judged. */
    private static void namespaces(ContainerSpec.Draft d, JsonNode linux, FieldLines lines) {
        NS_TYPES.values().forEach(t -> d.sharedNs.put(t, true));
        for (JsonNode ns : linux.path("namespaces")) {
            String type = NS_TYPES.get(ns.path("type").asText());
            if (type != null) {
                if (ns.hasNonNull("path")) {
                    d.sharedNs.remove(type);
                    d.notes.put("ns." + type, "joins the namespace at " + ns.path("path").asText() + ", which the config cannot judge");
                } else {
                    d.sharedNs.put(type, false);
                }
            }
        }
        line(d, lines, "namespaces", "ns.");
        if (Boolean.FALSE.equals(d.sharedNs.get("user")) && linux.path("uidMappings").isArray()) {
            StringBuilder text = new StringBuilder();
            for (JsonNode m : linux.path("uidMappings")) {
                text.append(text.length() == 0 ? "" : "\n").append(m.path("containerID").asLong()).append(' ')
                        .append(m.path("hostID").asLong()).append(' ').append(m.path("size").asLong());
            }
            IdMap map = IdMap.parse(text.toString());
            d.uidMap = map.toString();
            d.rootIsHostRoot = map.toHost(0) == 0;
        } else {
            d.rootIsHostRoot = Boolean.TRUE.equals(d.sharedNs.get("user")) ? Boolean.TRUE : null;
        }
    }

    private static void mounts(ContainerSpec.Draft d, JsonNode mounts, FieldLines lines) {
        for (JsonNode m : mounts) {
            List<String> options = strings(m.path("options"));
            boolean bind = m.path("type").asText().equals("bind") || options.contains("bind") || options.contains("rbind");
            if (bind) {
                d.mounts.add(new ContainerSpec.Mount(m.path("source").asText(), m.path("destination").asText(), !options.contains("ro")));
            }
            if (m.path("destination").asText().equals("/sys")) {
                d.sysWritable = !options.contains("ro");
            }
        }
        if (d.sysWritable == null) {
            d.sysWritable = false;
            d.notes.put("sys.writable", "no mount at /sys");
        }
        line(d, lines, "mounts", "host_mounts.");
        line(d, lines, "mounts", "sys.writable");
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static void line(ContainerSpec.Draft d, FieldLines lines, String key, String prefix) {
        lines.find(key, 1).ifPresent(l -> d.lines.putIfAbsent(prefix, l));
    }
}
