package io.bulwark.runtime;

import io.bulwark.os.Capability;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@link RunSpec} into a {@link Plan}: every decision and every check that can fail
 * with a clear message is made here, so that the executor only carries the plan out.
 */
public final class Planner {
    private final RuntimeDefaults defaults;
    private final HostView host;
    private final SeccompPrograms seccomp;
    private final PlanInputs inputs;

    public Planner(RuntimeDefaults defaults, HostView host, SeccompPrograms seccomp) {
        this(defaults, host, seccomp, PlanInputs.NONE);
    }

    /** A planner that records into {@code inputs} every host input it reads, for the plan cache. */
    public Planner(RuntimeDefaults defaults, HostView host, SeccompPrograms seccomp, PlanInputs inputs) {
        this.defaults = defaults;
        this.host = host;
        this.seccomp = seccomp;
        this.inputs = inputs;
    }

    public Plan plan(RunSpec spec) {
        int namespaces = 0;
        for (Namespace ns : Namespace.values()) {
            namespaces |= spec.shared().contains(ns) ? 0 : ns.cloneFlag();
        }
        boolean userns = !spec.shared().contains(Namespace.USER);
        if ((namespaces & Namespace.TIME.cloneFlag()) != 0 && !host.timeNamespaces()) {
            throw new RunFailure("this kernel has no time namespaces (CONFIG_TIME_NS, Linux 5.6+): run with --share time");
        }
        if (!userns && host.euid() != 0) {
            throw new RunFailure("--share user needs root: without a user namespace an ordinary user cannot mount");
        }
        if (!userns && !spec.maps().isEmpty()) {
            throw new RunFailure("--map needs a user namespace: leave out --share user");
        }
        IdMapping ids = !userns ? null : spec.maps().isEmpty()
                ? IdMapping.choose(host.euid(), host.egid(), host.subuid(), host.subgid(), defaults)
                : IdMapping.explicit(spec.maps(), host.euid(), host.egid());
        checkUser(spec, ids);
        checkIdmaps(spec, userns);
        FilesystemPlanner fs = new FilesystemPlanner(defaults, spec, ids == null ? -1 : ids.containerRoot(), inputs);
        long caps = capabilityMask(spec);
        List<String> env = environment(spec);
        String cwd = spec.cwd() != null ? spec.cwd() : defaults.cwd();
        fs.checkCommand(spec.command().get(0), env);
        if (SeccompPrograms.isFile(spec.seccomp())) {
            inputs.content(Path.of(spec.seccomp()));
        }
        SeccompPrograms.Program filter = seccomp.compile(spec.seccomp(), spec.capabilities());
        return new Plan(namespaces,
                ids == null ? null : ids.uidMap(),
                ids == null ? null : ids.gidMap(),
                ids == null ? null : ids.setgroups(),
                cgroups(spec),
                fs.mounts(!spec.shared().contains(Namespace.NET) || !userns),
                spec.shared().contains(Namespace.UTS) ? null : (spec.hostname() != null ? spec.hostname() : defaults.hostname()),
                spec.rlimits(),
                (int) spec.uid(), (int) spec.gid(), List.of(),
                caps, caps,
                filter.bytes(), filter.flags(),
                env, spec.command(), cwd);
    }

    /** {@code --user}: the ids must be mapped, and capabilities would not survive execve as another uid. */
    private static void checkUser(RunSpec spec, IdMapping ids) {
        String user = "--user " + spec.uid() + ":" + spec.gid();
        if (ids != null && !ids.mapsUid(spec.uid())) {
            throw new RunFailure(user + ": uid " + spec.uid() + " is not mapped in the container (uid_map "
                    + ids.uidMap().trim().replace("\n", "; ") + ", " + ids.source() + "); map it with --map, or run as root");
        }
        if (ids != null && !ids.mapsGid(spec.gid())) {
            throw new RunFailure(user + ": gid " + spec.gid() + " is not mapped in the container (gid_map "
                    + ids.gidMap().trim().replace("\n", "; ") + ", " + ids.source() + "); map it with --map, or run as root");
        }
        if (spec.uid() != 0 && !spec.capabilities().isEmpty()) {
            throw new RunFailure(user + " with capabilities: a workload that is not root loses them at execve"
                    + " (bulwark sets no ambient capabilities); drop --cap-add/--caps or run as uid 0");
        }
    }

    /** Idmapping a host filesystem needs CAP_SYS_ADMIN over it (root) and a user namespace to map to. */
    private void checkIdmaps(RunSpec spec, boolean userns) {
        List<BindSpec> idmapped = spec.binds().stream().filter(BindSpec::idmap).toList();
        if (idmapped.isEmpty()) {
            return;
        }
        String first = "--bind " + idmapped.get(0).source() + ":" + idmapped.get(0).target() + ":idmap";
        if (!userns) {
            throw new RunFailure(first + ": an idmapped bind maps to the container's user namespace; leave out --share user");
        }
        if (host.euid() != 0) {
            throw new RunFailure(first + ": only root may idmap a host filesystem (mount_setattr needs CAP_SYS_ADMIN over it); bind it without :idmap");
        }
        if (idmapped.size() > MAX_IDMAPPED_BINDS) {
            throw new RunFailure(first + ": at most " + MAX_IDMAPPED_BINDS + " idmapped binds in one run");
        }
    }

    /** runtime/plan.h MAX_IDMAPS. */
    private static final int MAX_IDMAPPED_BINDS = 16;

    private static long capabilityMask(RunSpec spec) {
        long mask = 0;
        for (Capability c : spec.capabilities()) {
            mask |= 1L << c.bit();
        }
        return mask;
    }

    /** A clean environment: the defaults, then --env-keep from the caller's, then --env. */
    private List<String> environment(RunSpec spec) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String kv : defaults.env()) {
            env.put(kv.substring(0, kv.indexOf('=')), kv);
        }
        for (String key : spec.envKeep()) {
            String value = host.environment().get(key);
            inputs.env(key, value);
            if (value != null) {
                env.put(key, key + "=" + value);
            }
        }
        for (String kv : spec.env()) {
            env.put(kv.substring(0, kv.indexOf('=')), kv);
        }
        return new ArrayList<>(env.values());
    }

    private List<CgroupPlan> cgroups(RunSpec spec) {
        List<CgroupPlan> plans = new ArrayList<>();
        if (spec.pidsMax() > 0) {
            plans.add(cgroup("pids", "--pids-max", Map.of("pids.max", Long.toString(spec.pidsMax())),
                    Map.of("pids.max", Long.toString(spec.pidsMax()))));
        }
        if (spec.memoryBytes() > 0) {
            String bytes = Long.toString(spec.memoryBytes());
            plans.add(cgroup("memory", "--memory", Map.of("memory.limit_in_bytes", bytes), Map.of("memory.max", bytes)));
        }
        return plans;
    }

    private CgroupPlan cgroup(String controller, String option, Map<String, String> v1, Map<String, String> v2) {
        String without = option.equals("--pids-max") ? "run with --pids-max unlimited" : "run without --memory";
        CgroupLayout.Controller c = host.cgroups().find(controller).orElseThrow(() -> new RunFailure(
                "no " + controller + " cgroup controller is mounted for this process (v1 or v2); " + without));
        if (!host.cgroups().delegates(c, controller)) {
            throw new RunFailure("cgroup v2 " + c.parent() + " does not delegate the " + controller
                    + " controller: add it to cgroup.subtree_control, or " + without);
        }
        inputs.looked(c.parent());
        if (!Files.isWritable(c.parent())) {
            throw new RunFailure("cannot create cgroups in " + c.parent() + " (not writable by uid " + host.euid()
                    + "): run as root, or " + without);
        }
        return new CgroupPlan(c.parent().toString(), c.version() == 1 ? v1 : v2);
    }
}
