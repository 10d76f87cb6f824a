package io.bulwark.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.bulwark.os.IdMap;
import java.util.ArrayList;
import java.util.List;

/**
 * One container of {@code docker inspect} or {@code podman inspect} output. Podman states the
 * capability sets and id maps itself; for Docker they follow from its defaults and the options.
 */
final class EngineInspectReader {
    private EngineInspectReader() {
    }

    static boolean accepts(JsonNode node) {
        return node.isObject() && node.has("HostConfig") && node.has("Id");
    }

    static ContainerSpec read(JsonNode c, String source, FieldLines lines, int from) {
        boolean podman = c.has("OCIRuntime") || c.has("EffectiveCaps") && !c.path("EffectiveCaps").isNull();
        JsonNode hc = c.path("HostConfig");
        ContainerSpec.Draft d = new ContainerSpec.Draft();
        d.format = podman ? "podman-inspect" : "docker-inspect";
        d.name = c.path("Name").asText("").replaceFirst("^/", "") + " (" + c.path("Id").asText("?").substring(0, Math.min(12, c.path("Id").asText("?").length())) + ")";
        line(d, lines, from, "HostConfig", "");
        d.privileged = hc.path("Privileged").asBoolean(false);
        line(d, lines, from, "Privileged", "caps.");
        String user = c.path("Config").path("User").asText("");
        String uidText = user.contains(":") ? user.substring(0, user.indexOf(':')) : user;
        d.uid = uidText.isEmpty() ? Long.valueOf(0) : uidText.matches("\\d+") ? Long.valueOf(uidText) : null;
        if (d.uid == null) {
            d.notes.put("user.", "Config.User '" + user + "' is a name the image's /etc/passwd resolves");
        }
        List<String> bounding = d.privileged ? Capabilities.all()
                : podman && c.path("BoundingCaps").isArray() ? Capabilities.names(c.path("BoundingCaps"))
                : Capabilities.adjust(Capabilities.engineDefault(), hc.path("CapAdd"), hc.path("CapDrop"));
        d.boundingCaps = bounding;
        d.effectiveCaps = d.uid != null && d.uid != 0 ? List.of()
                : podman && c.path("EffectiveCaps").isArray() && !d.privileged ? Capabilities.names(c.path("EffectiveCaps")) : bounding;
        d.ambientCaps = List.of();
        d.inheritableCaps = List.of();
        d.notes.put("caps.", d.privileged ? "privileged: every capability"
                : podman ? "EffectiveCaps/BoundingCaps as Podman states them"
                : "Docker's default set with CapAdd " + Capabilities.names(hc.path("CapAdd")) + ", CapDrop " + Capabilities.names(hc.path("CapDrop")));
        line(d, lines, from, "CapAdd", "caps.");
        seccomp(d, hc, podman, source);
        line(d, lines, from, "SecurityOpt", "seccomp.");
        line(d, lines, from, "SecurityOpt", "privesc.");
        line(d, lines, from, "SecurityOpt", "syscall.");
        namespaces(d, hc, c, podman);
        line(d, lines, from, "PidMode", "ns.");
        JsonNode pids = hc.path("PidsLimit");
        d.pidsLimit = pids.isNumber() && pids.asLong() > 0 ? pids.asLong() : -1L;
        line(d, lines, from, "PidsLimit", "cgroup.pids");
        for (JsonNode m : c.path("Mounts")) {
            if (m.path("Type").asText().equals("bind")) {
                d.mounts.add(new ContainerSpec.Mount(m.path("Source").asText(), m.path("Destination").asText(), m.path("RW").asBoolean(true)));
            }
        }
        line(d, lines, from, "Mounts", "host_mounts.");
        List<String> devices = new ArrayList<>();
        hc.path("Devices").forEach(dev -> devices.add(dev.path("PathInContainer").asText()));
        d.devices = d.privileged ? null : devices;
        line(d, lines, from, "Devices", "dev.");
        d.maskedPaths = d.privileged ? List.of() : hc.path("MaskedPaths").isArray() ? strings(hc.path("MaskedPaths")) : null;
        d.readonlyPaths = d.privileged ? List.of() : hc.path("ReadonlyPaths").isArray() ? strings(hc.path("ReadonlyPaths")) : null;
        line(d, lines, from, "MaskedPaths", "proc.");
        line(d, lines, from, "MaskedPaths", "sys.firmware");
        d.sysWritable = d.privileged;
        d.apparmor = c.path("AppArmorProfile").asText("");
        d.selinux = c.path("ProcessLabel").asText("");
        line(d, lines, from, "AppArmorProfile", "lsm.");
        return d.done();
    }

    private static void seccomp(ContainerSpec.Draft d, JsonNode hc, boolean podman, String source) {
        d.noNewPrivs = false;
        d.unconfined = d.privileged;
        d.seccompSource = d.privileged ? "privileged: no seccomp filter" : podman ? SeccompProfiles.podmanDefaultSource() : SeccompProfiles.dockerDefaultSource();
        String custom = null;
        for (JsonNode opt : hc.path("SecurityOpt")) {
            String o = opt.asText();
            if (o.matches("no-new-privileges(?:[:=]true)?")) {
                d.noNewPrivs = true;
            } else if (o.matches("seccomp[:=]unconfined")) {
                d.unconfined = true;
                d.seccompSource = "SecurityOpt " + o;
            } else if (o.startsWith("seccomp=") || o.startsWith("seccomp:")) {
                custom = o.substring(8);
            }
        }
        if (Boolean.TRUE.equals(d.unconfined)) {
            return;
        }
        if (custom != null && custom.stripLeading().startsWith("{")) {
            d.seccomp = SeccompProfiles.inline(source + " (SecurityOpt seccomp=…)", custom);
            d.seccompSource = "the profile given inline in SecurityOpt";
        } else if (custom != null) {
            d.seccomp = io.bulwark.seccomp.ProfileLoader.load(java.nio.file.Path.of(custom));
            d.seccompSource = "the profile file " + custom;
        } else {
            d.seccomp = podman ? SeccompProfiles.podmanDefault() : SeccompProfiles.dockerDefault();
        }
    }

    private static void namespaces(ContainerSpec.Draft d, JsonNode hc, JsonNode c, boolean podman) {
        d.sharedNs.put("pid", hc.path("PidMode").asText("").equals("host"));
        d.sharedNs.put("net", hc.path("NetworkMode").asText("").equals("host"));
        d.sharedNs.put("ipc", hc.path("IpcMode").asText("").equals("host"));
        d.sharedNs.put("uts", hc.path("UTSMode").asText("").equals("host"));
        d.sharedNs.put("mnt", false);
        d.sharedNs.put("time", true);
        String cgroupns = hc.path("CgroupnsMode").asText("");
        if (!cgroupns.isEmpty()) {
            d.sharedNs.put("cgroup", cgroupns.equals("host"));
        }
        JsonNode uidMap = hc.path("IDMappings").path("UidMap");
        String userns = hc.path("UsernsMode").asText("");
        if (uidMap.isArray() && uidMap.size() > 0) {
            StringBuilder text = new StringBuilder();
            uidMap.forEach(r -> text.append(text.length() == 0 ? "" : "; ").append(r.asText().replace(':', ' ')));
            d.uidMap = text.toString();
            d.sharedNs.put("user", false);
            d.rootIsHostRoot = IdMap.parse(text.toString().replace("; ", "\n")).toHost(0) == 0;
        } else {
            boolean host = userns.isEmpty() || userns.equals("host");
            d.sharedNs.put("user", host);
            d.rootIsHostRoot = host ? Boolean.TRUE : null;
            d.notes.put("user.", host ? "no user namespace (UsernsMode '" + userns + "'" + (podman ? "" : "; a daemon-wide userns-remap would not show here") + ")"
                    : "UsernsMode '" + userns + "' without IDMappings");
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static void line(ContainerSpec.Draft d, FieldLines lines, int from, String key, String prefix) {
        lines.find(key, from).ifPresent(l -> d.lines.putIfAbsent(prefix, l));
    }
}
