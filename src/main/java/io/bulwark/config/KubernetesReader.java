package io.bulwark.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The containers of a Kubernetes workload manifest (Pod, Deployment, StatefulSet, DaemonSet,
 * Job, CronJob). A container's securityContext overrides the pod's; what the kubelet or the
 * node decides (pids limit, cgroup namespace) is not stated.
 */
final class KubernetesReader {
    static final Set<String> KINDS = Set.of("Pod", "Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob", "ReplicaSet");

    private KubernetesReader() {
    }

    static boolean accepts(JsonNode node) {
        return node.isObject() && node.has("kind") && node.has("apiVersion");
    }

    /** Where the pod spec sits in a workload of {@code kind}. */
    private static String podSpecPath(String kind) {
        return switch (kind) {
            case "Pod" -> "spec";
            case "CronJob" -> "spec.jobTemplate.spec.template.spec";
            default -> "spec.template.spec";
        };
    }

    /**
     * The containers of {@code doc}, after their fields' types are checked against
     * config-shapes.yaml; {@code at} names the document in messages (file#index).
     */
    static List<ContainerSpec> read(JsonNode doc, String at, FieldLines lines, int from) {
        String podAt = podSpecPath(doc.path("kind").asText());
        JsonNode pod = doc;
        for (String step : podAt.split("\\.")) {
            pod = pod.path(step);
        }
        ConfigShape.check("kubernetes-pod", pod, at, podAt);
        List<ContainerSpec> specs = new ArrayList<>();
        for (String list : List.of("initContainers", "containers")) {
            int i = 0;
            for (JsonNode c : pod.path(list)) {
                ConfigShape.check("kubernetes-container", c, at, podAt + "." + list + "[" + i++ + "]");
                specs.add(container(doc, pod, c, lines, from));
            }
        }
        return specs;
    }

    private static ContainerSpec container(JsonNode doc, JsonNode pod, JsonNode c, FieldLines lines, int from) {
        JsonNode podCtx = pod.path("securityContext");
        JsonNode ctx = c.path("securityContext");
        int at = lines.find("name", from).orElse(from);
        String cname = c.path("name").asText("?");
        int containerLine = findContainer(lines, cname, from);
        ContainerSpec.Draft d = new ContainerSpec.Draft();
        d.format = "kubernetes";
        d.name = doc.path("kind").asText() + "/" + doc.path("metadata").path("name").asText("?") + " container " + cname;
        d.privileged = ctx.path("privileged").asBoolean(false);
        userAndCapabilities(d, ctx, podCtx);
        seccomp(d, ctx, podCtx);
        d.noNewPrivs = ctx.has("allowPrivilegeEscalation") && !ctx.path("allowPrivilegeEscalation").asBoolean(true);
        namespaces(d, pod);
        hostPathMounts(d, pod, c);
        d.devices = d.privileged ? null : List.of();
        boolean unmasked = ctx.path("procMount").asText("Default").equals("Unmasked") || d.privileged;
        d.maskedPaths = unmasked ? List.of() : null;
        d.readonlyPaths = unmasked ? List.of() : null;
        d.sysWritable = d.privileged;
        lsm(d, doc, cname, ctx, podCtx);
        for (String key : List.of("securityContext", "privileged", "capabilities", "seccompProfile", "allowPrivilegeEscalation",
                "hostPID", "volumeMounts", "procMount", "runAsUser")) {
            lines.find(key, containerLine).or(() -> lines.find(key, at)).ifPresent(l -> d.lines.putIfAbsent(prefixOf(key), l));
        }
        d.lines.putIfAbsent("", containerLine);
        return d.done();
    }

    /** The runtime's default set adjusted by add and drop; effective only for a root user (an unknown uid counts as root). */
    private static void userAndCapabilities(ContainerSpec.Draft d, JsonNode ctx, JsonNode podCtx) {
        JsonNode caps = ctx.path("capabilities");
        d.boundingCaps = d.privileged ? Capabilities.all() : Capabilities.adjust(Capabilities.engineDefault(), caps.path("add"), caps.path("drop"));
        d.notes.put("caps.", d.privileged ? "privileged: every capability"
                : "the container runtime's default set (Docker's, as containerd uses) with add " + Capabilities.names(caps.path("add"))
                        + ", drop " + Capabilities.names(caps.path("drop")));
        JsonNode runAsUser = ctx.has("runAsUser") ? ctx.path("runAsUser") : podCtx.path("runAsUser");
        boolean nonRoot = (ctx.has("runAsNonRoot") ? ctx.path("runAsNonRoot") : podCtx.path("runAsNonRoot")).asBoolean(false);
        d.uid = runAsUser.isNumber() ? runAsUser.asLong() : null;
        if (d.uid == null) {
            d.notes.put("user.", nonRoot ? "runAsNonRoot: true, uid from the image" : "no runAsUser: the image's USER decides");
        }
        d.effectiveCaps = d.uid != null && d.uid != 0 || nonRoot ? List.of() : d.boundingCaps;
        d.ambientCaps = List.of();
        d.inheritableCaps = List.of();
    }

    private static void seccomp(ContainerSpec.Draft d, JsonNode ctx, JsonNode podCtx) {
        JsonNode seccomp = ctx.has("seccompProfile") ? ctx.path("seccompProfile") : podCtx.path("seccompProfile");
        String type = seccomp.path("type").asText("");
        d.unconfined = d.privileged || type.isEmpty() || type.equals("Unconfined");
        d.seccompSource = d.privileged ? "privileged" : type.isEmpty() ? "no seccompProfile: Kubernetes runs the container Unconfined"
                + " unless the kubelet's seccompDefault is on" : "seccompProfile " + type;
        if (type.equals("RuntimeDefault")) {
            d.seccomp = SeccompProfiles.dockerDefault();
            d.seccompSource = "seccompProfile RuntimeDefault (the runtime's default, taken as Docker's)";
        } else if (type.equals("Localhost")) {
            d.notes.put("syscall.", "seccompProfile Localhost " + seccomp.path("localhostProfile").asText() + " lives on the node");
        }
    }

    private static void namespaces(ContainerSpec.Draft d, JsonNode pod) {
        boolean hostNetwork = pod.path("hostNetwork").asBoolean(false);
        d.sharedNs.put("pid", pod.path("hostPID").asBoolean(false));
        d.sharedNs.put("net", hostNetwork);
        d.sharedNs.put("ipc", pod.path("hostIPC").asBoolean(false));
        d.sharedNs.put("uts", hostNetwork);
        d.sharedNs.put("mnt", false);
        d.sharedNs.put("time", true);
        boolean hostUsers = pod.path("hostUsers").asBoolean(true);
        d.sharedNs.put("user", hostUsers);
        d.rootIsHostRoot = hostUsers ? Boolean.TRUE : Boolean.FALSE;
        d.notes.put("ns.cgroup", "the node's cgroup version decides (private on cgroup v2)");
        if (!hostUsers) {
            d.notes.put("user.", "hostUsers: false: the kubelet maps root to an unprivileged host range");
        }
    }

    /** The container's mounts of the pod's hostPath volumes. */
    private static void hostPathMounts(ContainerSpec.Draft d, JsonNode pod, JsonNode c) {
        Map<String, String> hostPaths = new HashMap<>();
        for (JsonNode v : pod.path("volumes")) {
            if (v.has("hostPath")) {
                hostPaths.put(v.path("name").asText(), v.path("hostPath").path("path").asText());
            }
        }
        for (JsonNode m : c.path("volumeMounts")) {
            String source = hostPaths.get(m.path("name").asText());
            if (source != null) {
                d.mounts.add(new ContainerSpec.Mount(source, m.path("mountPath").asText(), !m.path("readOnly").asBoolean(false)));
            }
        }
    }

    /** AppArmor from the field or the older annotation, SELinux from seLinuxOptions; both unknown when neither is set. */
    private static void lsm(ContainerSpec.Draft d, JsonNode doc, String cname, JsonNode ctx, JsonNode podCtx) {
        JsonNode apparmor = ctx.has("appArmorProfile") ? ctx.path("appArmorProfile") : podCtx.path("appArmorProfile");
        String annotation = doc.path("metadata").path("annotations").path("container.apparmor.security.beta.kubernetes.io/" + cname).asText("");
        d.apparmor = apparmor.has("type") ? apparmor.path("type").asText().replace("Localhost", apparmor.path("localhostProfile").asText("localhost"))
                : annotation;
        JsonNode se = ctx.has("seLinuxOptions") ? ctx.path("seLinuxOptions") : podCtx.path("seLinuxOptions");
        d.selinux = se.path("type").asText("");
        if (d.apparmor.isEmpty() && d.selinux.isEmpty()) {
            d.apparmor = null;
            d.selinux = null;
        }
    }

    private static int findContainer(FieldLines lines, String name, int from) {
        return lines.findText("name: " + name, from).orElse(from);
    }

    private static String prefixOf(String key) {
        return switch (key) {
            case "privileged", "capabilities" -> "caps.";
            case "seccompProfile" -> "seccomp.";
            case "allowPrivilegeEscalation" -> "privesc.";
            case "hostPID" -> "ns.";
            case "volumeMounts" -> "host_mounts.";
            case "procMount" -> "proc.";
            case "runAsUser" -> "user.";
            default -> "securityContext";
        };
    }
}
