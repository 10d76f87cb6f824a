package io.bulwark.probe;

import io.bulwark.audit.Confidence;
import io.bulwark.audit.Fact;
import io.bulwark.os.CgroupDirectory;
import io.bulwark.os.CgroupMembership;
import io.bulwark.os.CgroupValue;
import io.bulwark.os.CpuCounts;
import io.bulwark.os.MountInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The CPU facts of {@link ResourceViewProbe}: the quota and the cpuset from the cgroups,
 * against the CPUs {@code /proc/stat} and {@code /proc/cpuinfo} list.
 */
final class CpuView {
    private final ProbeContext ctx;
    private final Parsed<MountInfo> mounts;
    private final Parsed<CgroupMembership> groups;
    private final List<String> lxcfs;

    CpuView(ProbeContext ctx, Parsed<MountInfo> mounts, Parsed<CgroupMembership> groups, List<String> lxcfs) {
        this.ctx = ctx;
        this.mounts = mounts;
        this.groups = groups;
        this.lxcfs = lxcfs;
    }

    List<Fact> facts() {
        Fact quota = quota();
        Fact cpuset = cpuset();
        List<Fact> facts = new ArrayList<>();
        facts.add(cpuLimit(quota, cpuset));
        facts.add(quota);
        facts.add(cpuset);
        facts.add(showsHost(quota, cpuset));
        return facts;
    }

    private Fact quota() {
        String name = "resources.cpu_quota_millicpus";
        List<String> problems = new ArrayList<>();
        Optional<CgroupDirectory> dir = CgroupLookup.locate("cpu", mounts, groups, problems);
        if (dir.isEmpty()) {
            return Fact.unobserved(name, problems.get(0));
        }
        try {
            CgroupLimitWalk walk = dir.get().version().equals("v1")
                    ? CgroupLimitWalk.minimum(ctx, dir.get(), "cpu.cfs_quota_us", CpuView::v1Level)
                    : CgroupLimitWalk.ofFile(ctx, dir.get(), "cpu.max", CgroupValue::cpuMax);
            return Fact.of(name, walk.limit().orElse(-1), walk.evidence());
        } catch (IOException e) {
            return Fact.unobserved(name, e.getMessage());
        }
    }

    private static Optional<CgroupLimitWalk.Level> v1Level(Path dir) throws IOException {
        Path quota = dir.resolve("cpu.cfs_quota_us");
        Path period = dir.resolve("cpu.cfs_period_us");
        if (!Files.exists(quota) || !Files.exists(period)) {
            return Optional.empty();
        }
        String q = ProbeContext.read(quota).strip();
        String p = ProbeContext.read(period).strip();
        try {
            return Optional.of(new CgroupLimitWalk.Level("cfs_quota_us/cfs_period_us = " + q + "/" + p,
                    CgroupValue.millicpus(q, p)));
        } catch (IllegalArgumentException e) {
            throw new IOException(dir + ": " + e.getMessage(), e);
        }
    }

    /** The cpuset's effective CPUs, or the process's affinity mask when no cpuset can be read. */
    private Fact cpuset() {
        String name = "resources.cpuset_cpus";
        List<String> problems = new ArrayList<>();
        Optional<CgroupDirectory> dir = CgroupLookup.locate("cpuset", mounts, groups, problems);
        if (dir.isPresent()) {
            List<String> files = dir.get().version().equals("v1")
                    ? List.of("cpuset.effective_cpus", "cpuset.cpus")
                    : List.of("cpuset.cpus.effective");
            for (String file : files) {
                Optional<String> list = ProbeContext.tryRead(ctx.path(dir.get().directory() + "/" + file)).map(String::strip);
                if (list.isPresent() && !list.get().isEmpty()) {
                    try {
                        return Fact.of(name, (long) CpuCounts.inList(list.get()),
                                dir.get().directory() + "/" + file + " = " + list.get());
                    } catch (IllegalArgumentException e) {
                        problems.add(file + ": " + e.getMessage());
                    }
                }
            }
            problems.add("no readable cpuset file in " + dir.get().directory());
        }
        Optional<String> allowed = ctx.status().optional().flatMap(s -> s.field("Cpus_allowed_list"));
        if (allowed.isEmpty()) {
            return Fact.unobserved(name, String.join("; ", problems) + "; status has no Cpus_allowed_list");
        }
        try {
            return Fact.inferred(name, (long) CpuCounts.inList(allowed.get()), Confidence.LIKELY,
                    "status Cpus_allowed_list = " + allowed.get() + " (no cpuset: " + String.join("; ", problems) + ")");
        } catch (IllegalArgumentException e) {
            return Fact.unobserved(name, "status Cpus_allowed_list: " + e.getMessage());
        }
    }

    private Fact cpuLimit(Fact quota, Fact cpuset) {
        String name = "resources.cpu_limit";
        if (!quota.observed() && !cpuset.observed()) {
            return Fact.unobserved(name, quota.evidence() + "; " + cpuset.evidence());
        }
        String q = !quota.observed() ? "quota unknown"
                : (Long) quota.value() < 0 ? "no quota"
                : String.format(Locale.ROOT, "quota %.2f cpus", (Long) quota.value() / 1000.0);
        String c = cpuset.observed() ? "cpuset " + cpuset.value() + " cpus" : "cpuset unknown";
        return Fact.inferred(name, q + ", " + c, quota.observed() && cpuset.observed() ? Confidence.CERTAIN : Confidence.LIKELY,
                quota.evidence() + "; " + cpuset.evidence());
    }

    private Fact showsHost(Fact quota, Fact cpuset) {
        String name = "resources.cpuinfo_shows_host";
        if (!cpuset.observed()) {
            return Fact.unobserved(name, "the CPUs allowed are unknown: " + cpuset.evidence());
        }
        long allowed = (Long) cpuset.value();
        if (quota.observed() && (Long) quota.value() > 0) {
            allowed = Math.min(allowed, ((Long) quota.value() + 999) / 1000);
        }
        Parsed<Integer> stat = Parsed.of(ctx.path("/proc/stat"), CpuCounts::inStat);
        Parsed<Integer> info = Parsed.of(ctx.path("/proc/cpuinfo"), CpuCounts::inCpuinfo);
        if (!stat.ok() && !info.ok()) {
            return Fact.unobserved(name, stat.problem() + "; " + info.problem());
        }
        int shown = Math.max(stat.optional().orElse(0), info.optional().orElse(0));
        String views = (stat.ok() ? "/proc/stat lists " + stat.value() + served("/proc/stat") : stat.problem()) + ", "
                + (info.ok() ? "/proc/cpuinfo lists " + info.value() + served("/proc/cpuinfo") : info.problem());
        Confidence confidence = quota.observed() ? Confidence.CERTAIN : Confidence.LIKELY;
        return Fact.inferred(name, shown > allowed, confidence, views + " against " + allowed + " cpus allowed ("
                + cpuset.value() + " in the cpuset, " + quotaText(quota) + ")");
    }

    private static String quotaText(Fact quota) {
        if (!quota.observed()) {
            return "quota unknown";
        }
        return (Long) quota.value() < 0 ? "no quota" : "quota " + quota.value() + " millicpus";
    }

    private String served(String file) {
        return lxcfs.contains(file) ? " (LXCFS)" : "";
    }
}
