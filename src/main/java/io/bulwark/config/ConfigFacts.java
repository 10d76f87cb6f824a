package io.bulwark.config;

import io.bulwark.audit.Confidence;
import io.bulwark.audit.Fact;
import io.bulwark.audit.FactSpec;
import io.bulwark.audit.Facts;
import io.bulwark.os.KernelVersion;
import io.bulwark.probe.FilterVerdicts;
import io.bulwark.probe.Probes;
import io.bulwark.seccomp.Arch;
import io.bulwark.seccomp.CompileOptions;
import io.bulwark.seccomp.Compiler;
import io.bulwark.seccomp.PolicyResolver;
import io.bulwark.seccomp.Target;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A config's statements as facts under the names the live probes use, so the same rules judge
 * both. Every fact the catalog declares is reported: what a config cannot tell is unobserved,
 * "not stated in the config".
 */
final class ConfigFacts {
    static final String NOT_STATED = "not stated in the config";
    private static final List<String> MASKED = List.of("acpi", "asound", "interrupts", "kcore", "keys", "latency_stats",
            "sched_debug", "scsi", "timer_list", "timer_stats");
    private static final List<String> READ_ONLY = List.of("sys", "sysrq-trigger", "irq", "bus", "fs");
    /** runc's defaults, which Docker and Podman apply when a config names none. */
    private static final List<String> DEFAULT_MASKED = List.of("/proc/acpi", "/proc/asound", "/proc/kcore", "/proc/keys",
            "/proc/latency_stats", "/proc/timer_list", "/proc/timer_stats", "/proc/sched_debug", "/proc/scsi", "/sys/firmware",
            "/sys/devices/virtual/powercap");
    private static final List<String> DEFAULT_READ_ONLY = List.of("/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger");

    private final ContainerSpec spec;
    private final String file;
    private final List<Fact> facts = new ArrayList<>();

    private ConfigFacts(ContainerSpec spec, String file) {
        this.spec = spec;
        this.file = file;
    }

    static Facts derive(ContainerSpec spec, String file) {
        ConfigFacts derived = new ConfigFacts(spec, file);
        derived.all();
        Facts facts = new Facts();
        Set<String> seen = new HashSet<>();
        derived.facts.forEach(f -> {
            facts.put(f);
            seen.add(f.name());
        });
        for (FactSpec declared : Probes.catalog().all()) {
            if (!seen.contains(declared.name())) {
                facts.put(Fact.unobserved(declared.name(), NOT_STATED + " (" + spec.format() + ")"));
            }
        }
        return facts;
    }

    private void all() {
        capabilities();
        seccomp();
        namespacesAndUser();
        if (spec.pidsLimit() != null) {
            put("cgroup.pids.max", spec.pidsLimit(), spec.pidsLimit() == -1 ? "no pids limit set" : "pids limit " + spec.pidsLimit());
        }
        mounts();
        procAndSys();
        devices();
        lsm();
        put("runtime.in_container", true, "a container config (" + spec.format() + ")");
    }

    private void capabilities() {
        String how = spec.notes().getOrDefault("caps.", "");
        putList("caps.effective", spec.effectiveCaps(), how);
        putList("caps.bounding", spec.boundingCaps(), how);
        putList("caps.permitted", spec.effectiveCaps(), how);
        putList("caps.ambient", spec.ambientCaps(), how);
        putList("caps.inheritable", spec.inheritableCaps(), how);
    }

    private void seccomp() {
        boolean none = Boolean.TRUE.equals(spec.unconfined());
        if (spec.unconfined() != null) {
            put("seccomp.mode", none ? 0L : 2L, none ? "no seccomp filter: " + spec.seccompSource() : "a filter applies: " + spec.seccompSource());
        }
        if (spec.noNewPrivs() != null) {
            put("privesc.no_new_privs", spec.noNewPrivs(), spec.noNewPrivs() ? "no-new-privileges is set" : "no-new-privileges is not set");
        }
        if (spec.unconfined() == null || (!none && spec.seccomp() == null) || spec.effectiveCaps() == null) {
            return;
        }
        Arch arch = Arch.host();
        List<io.bulwark.seccomp.BpfProgram> stack = new ArrayList<>();
        if (!none) {
            Set<String> caps = spec.effectiveCaps().stream().map(c -> "CAP_" + c).collect(Collectors.toSet());
            stack.add(Compiler.compile(PolicyResolver.resolve(spec.seccomp(), new Target(arch, caps, KernelVersion.running())),
                    CompileOptions.DEFAULT).program());
        }
        FilterVerdicts verdicts = new FilterVerdicts(stack, new HashSet<>(spec.effectiveCaps()), spec.seccompSource() + " compiled for " + arch.id());
        verdicts.facts(arch).forEach(f -> facts.add(at(f)));
    }

    private void namespacesAndUser() {
        for (Map.Entry<String, Boolean> ns : spec.sharedNs().entrySet()) {
            put("ns." + ns.getKey() + ".shared", ns.getValue(), ns.getValue() ? "the host's " + ns.getKey() + " namespace is shared"
                    : "a " + ns.getKey() + " namespace of its own");
        }
        spec.notes().forEach((prefix, note) -> {
            if (prefix.startsWith("ns.") && !spec.sharedNs().containsKey(prefix.substring(3))) {
                facts.add(Fact.unobserved(prefix + ".shared", note));
            }
        });
        String userNote = spec.notes().getOrDefault("user.", "");
        if (spec.uidMap() != null) {
            put("user.uid_map", spec.uidMap(), "uid map " + spec.uidMap());
        }
        if (spec.rootIsHostRoot() != null) {
            put("user.root_is_host_root", spec.rootIsHostRoot(), spec.uidMap() != null ? "uid map " + spec.uidMap() : userNote);
        }
        if (spec.uid() != null) {
            put("user.uid", spec.uid(), "runs as uid " + spec.uid());
            if (spec.rootIsHostRoot() != null) {
                put("user.is_host_root", spec.uid() == 0 && spec.rootIsHostRoot(), "uid " + spec.uid() + "; " + userNote);
            }
        } else if (!userNote.isEmpty()) {
            facts.add(Fact.unobserved("user.uid", userNote));
        }
    }

    private void mounts() {
        List<String> sensitive = new ArrayList<>();
        List<String> writable = new ArrayList<>();
        List<String> sockets = new ArrayList<>();
        for (ContainerSpec.Mount m : spec.mounts()) {
            if (SensitivePaths.isSocket(m.source())) {
                sockets.add(m.destination());
            }
            sockets.addAll(SensitivePaths.socketsUnder(m.source(), m.destination()));
            if (SensitivePaths.isSensitive(m.source())) {
                sensitive.add(m.source());
                if (m.writable()) {
                    writable.add(m.source());
                }
            }
        }
        String binds = spec.mounts().isEmpty() ? "no bind mounts" : "bind mounts " + spec.mounts().stream()
                .map(m -> m.source() + ":" + m.destination() + (m.writable() ? "" : ":ro")).collect(Collectors.joining(", "));
        put("host_mounts.sensitive", sensitive, binds);
        put("host_mounts.sensitive_writable", writable, binds);
        put("host_mounts.sockets", sockets, binds + (sockets.isEmpty() ? "" : "; engine sockets at these host paths are carried in"));
        put("host_mounts.docker_socket", sockets.stream().anyMatch(s -> s.endsWith("docker.sock")), binds);
    }

    private void procAndSys() {
        boolean defaults = spec.maskedPaths() == null;
        List<String> masked = defaults ? DEFAULT_MASKED : spec.maskedPaths();
        List<String> readOnly = spec.readonlyPaths() == null ? DEFAULT_READ_ONLY : spec.readonlyPaths();
        String how = defaults ? "the runtime's default masks (none named in the config)" : "maskedPaths " + masked;
        for (String name : MASKED) {
            boolean hidden = masked.contains("/proc/" + name);
            facts.add(at(Fact.inferred("proc." + name.replace('-', '_') + ".readable", !hidden, hidden ? Confidence.CERTAIN : Confidence.LIKELY,
                    hidden ? "/proc/" + name + " is masked: " + how : "/proc/" + name + " is not masked (" + how + "), readable where the kernel has it")));
        }
        String roHow = spec.readonlyPaths() == null ? "the runtime's default read-only paths" : "readonlyPaths " + readOnly;
        for (String name : READ_ONLY) {
            boolean ro = readOnly.contains("/proc/" + name);
            put("proc." + name.replace('-', '_') + ".writable", !ro, "/proc/" + name + (ro ? " is read-only: " : " is not made read-only: ") + roHow);
        }
        boolean firmware = masked.contains("/sys/firmware");
        facts.add(at(Fact.inferred("sys.firmware.exposed", !firmware, firmware ? Confidence.CERTAIN : Confidence.LIKELY,
                "/sys/firmware " + (firmware ? "is masked: " : "is not masked: ") + how)));
        if (spec.sysWritable() != null) {
            put("sys.writable", spec.sysWritable(), spec.notes().getOrDefault("sys.writable",
                    Boolean.TRUE.equals(spec.privileged()) ? "privileged: /sys is mounted read-write" : "/sys is mounted read-only"));
        }
    }

    private void devices() {
        if (spec.devices() == null) {
            if (Boolean.TRUE.equals(spec.privileged())) {
                String why = "privileged: every host device is in /dev";
                facts.add(at(Fact.inferred("dev.mem_present", true, Confidence.LIKELY, why)));
                facts.add(at(Fact.inferred("dev.kmsg_present", true, Confidence.LIKELY, why)));
            }
            return;
        }
        List<String> extra = spec.devices().stream().map(p -> p.replaceFirst("^/dev/", "")).toList();
        put("dev.extra_nodes", extra, "devices " + spec.devices());
        put("dev.mem_present", extra.stream().anyMatch(p -> p.equals("mem") || p.equals("kmem") || p.equals("port")), "devices " + spec.devices());
        put("dev.kmsg_present", extra.contains("kmsg"), "devices " + spec.devices());
    }

    private void lsm() {
        if (spec.apparmor() == null && spec.selinux() == null) {
            return;
        }
        String apparmor = spec.apparmor() == null ? "" : spec.apparmor();
        String selinux = spec.selinux() == null ? "" : spec.selinux();
        boolean confined = (!apparmor.isEmpty() && !apparmor.equals("unconfined"))
                || (!selinux.isEmpty() && !selinux.contains("spc_t") && !selinux.contains("unconfined_t"));
        facts.add(at(Fact.inferred("lsm.confined", confined, Confidence.LIKELY, "AppArmor profile '" + apparmor + "', SELinux label '"
                + selinux + "'" + (confined ? "" : ": none names a confining profile (the engine names one where the LSM is active)"))));
        if (!apparmor.isEmpty()) {
            put("lsm.apparmor_profile", apparmor, "AppArmor profile " + apparmor);
        }
        if (!selinux.isEmpty()) {
            put("lsm.selinux_context", selinux, "SELinux label " + selinux);
        }
    }

    private void put(String name, Object value, String evidence) {
        facts.add(at(Fact.of(name, value, evidence)));
    }

    private void putList(String name, List<String> value, String evidence) {
        if (value != null) {
            put(name, value, evidence);
        }
    }

    /** The fact with where in the file it was stated. */
    private Fact at(Fact fact) {
        String where = spec.lines().entrySet().stream()
                .filter(e -> fact.name().startsWith(e.getKey()) && !e.getKey().isEmpty())
                .map(e -> file + ":" + e.getValue())
                .findFirst().orElse(spec.lines().containsKey("") ? file + ":" + spec.lines().get("") : file);
        String evidence = fact.evidence() + " [" + spec.format() + " " + where + "]";
        return new Fact(fact.name(), fact.value(), evidence, fact.confidence());
    }
}
