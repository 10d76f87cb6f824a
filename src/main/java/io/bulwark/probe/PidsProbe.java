package io.bulwark.probe;

import io.bulwark.audit.Confidence;
import io.bulwark.audit.Fact;
import io.bulwark.audit.FactSpec;
import io.bulwark.os.CgroupDirectory;
import io.bulwark.os.CgroupMembership;
import io.bulwark.os.CgroupValue;
import io.bulwark.os.MountInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Fork bomb: the pids limit on the process's cgroup — v1 (the pids hierarchy) or v2 (the
 * unified hierarchy) — taken as the smallest {@code pids.max} of its cgroup and every parent
 * visible from here.
 */
public final class PidsProbe implements Probe {

    @Override
    public List<FactSpec> facts() {
        return List.of(
                FactSpec.text("cgroup.version", "the cgroup layout the target sees: v1, v2, or hybrid (v1 controllers and a mounted v2 hierarchy)"),
                FactSpec.text("cgroup.path", "the process's cgroup in the hierarchy that holds the pids controller (/proc/PID/cgroup)"),
                FactSpec.text("cgroup.pids.directory", "where that cgroup's files are in the target's filesystem"),
                FactSpec.number("cgroup.pids.max", "the pids limit in force: the smallest pids.max of the cgroup and its visible parents; -1 unlimited"),
                FactSpec.number("cgroup.pids.current", "tasks now charged to the process's pids cgroup (pids.current)"));
    }

    @Override
    public List<Fact> collect(ProbeContext ctx) {
        Parsed<CgroupMembership> membership = ctx.cgroups();
        Parsed<MountInfo> mounts = ctx.mountInfo();
        List<Fact> facts = new ArrayList<>();
        if (!membership.ok()) {
            for (FactSpec spec : facts()) {
                facts.add(Fact.unobserved(spec.name(), membership.problem()));
            }
            return facts;
        }
        CgroupMembership groups = membership.value();
        facts.add(version(groups, mounts));
        CgroupMembership.Entry entry = groups.v1("pids").or(groups::unified).orElse(groups.entries().get(0));
        facts.add(Fact.of("cgroup.path", entry.path(), "/proc/self/cgroup line " + entry));
        if (!mounts.ok()) {
            facts.add(Fact.unobserved("cgroup.pids.directory", mounts.problem()));
            facts.add(Fact.unobserved("cgroup.pids.max", mounts.problem()));
            facts.add(Fact.unobserved("cgroup.pids.current", mounts.problem()));
            return facts;
        }
        CgroupDirectory dir;
        try {
            dir = CgroupDirectory.locate("pids", groups, mounts.value());
        } catch (CgroupDirectory.NotFound e) {
            facts.add(Fact.unobserved("cgroup.pids.directory", e.getMessage()));
            facts.add(Fact.unobserved("cgroup.pids.max", e.getMessage()));
            facts.add(Fact.unobserved("cgroup.pids.current", e.getMessage()));
            return facts;
        }
        facts.add(Fact.of("cgroup.pids.directory", dir.directory(), dir.version() + " pids cgroup " + dir.cgroupPath()
                + " under " + dir.mount().describe()));
        facts.add(max(ctx, dir));
        facts.add(current(ctx, dir));
        return facts;
    }

    /** Hybrid when the process is in v1 hierarchies and a cgroup2 hierarchy is mounted as well. */
    private static Fact version(CgroupMembership groups, Parsed<MountInfo> mounts) {
        if (!groups.hasV1()) {
            return Fact.of("cgroup.version", "v2", "/proc/self/cgroup has only the unified line " + groups.entries().get(0));
        }
        long v1 = groups.entries().stream().filter(e -> e.hierarchyId() != 0).count();
        if (!mounts.ok()) {
            return Fact.inferred("cgroup.version", "v1", Confidence.LIKELY, v1 + " v1 hierarchies in /proc/self/cgroup; "
                    + "whether v2 is mounted too is unknown (" + mounts.problem() + ")");
        }
        List<MountInfo.Mount> unified = mounts.value().ofType("cgroup2");
        return unified.isEmpty()
                ? Fact.of("cgroup.version", "v1", v1 + " v1 hierarchies in /proc/self/cgroup and no cgroup2 mount")
                : Fact.of("cgroup.version", "hybrid", v1 + " v1 hierarchies in /proc/self/cgroup and cgroup2 at "
                        + unified.get(0).mountPoint());
    }

    private static Fact max(ProbeContext ctx, CgroupDirectory dir) {
        try {
            CgroupLimitWalk walk = CgroupLimitWalk.ofFile(ctx, dir, "pids.max", CgroupValue::limit);
            if (walk.limit().isPresent()) {
                return Fact.of("cgroup.pids.max", walk.limit().getAsLong(), walk.evidence());
            }
            String why = walk.levelsSet() == 0 && dir.version().equals("v2") && !dir.atMountRoot()
                    ? "no pids.max at any level: the pids controller is not enabled for this cgroup; "
                    : "no level limits pids: ";
            return Fact.of("cgroup.pids.max", -1L, why + walk.evidence());
        } catch (IOException e) {
            return Fact.unobserved("cgroup.pids.max", e.getMessage());
        }
    }

    private static Fact current(ProbeContext ctx, CgroupDirectory dir) {
        Path file = ctx.path(dir.directory() + "/pids.current");
        if (!Files.exists(file)) {
            return Fact.unobserved("cgroup.pids.current", dir.atMountRoot() && dir.mount().root().equals("/")
                    ? "no pids.current at the top of the hierarchy: the root cgroup has none"
                    : "no pids.current in " + dir.directory() + " (pids controller not enabled here)");
        }
        try {
            long n = CgroupValue.number(ProbeContext.read(file));
            return Fact.of("cgroup.pids.current", n, dir.directory() + "/pids.current = " + n);
        } catch (IOException | IllegalArgumentException e) {
            return Fact.unobserved("cgroup.pids.current", "cannot read " + dir.directory() + "/pids.current: " + e.getMessage());
        }
    }
}
