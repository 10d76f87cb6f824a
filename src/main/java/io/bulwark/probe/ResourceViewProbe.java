package io.bulwark.probe;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.bulwark.audit.Confidence;
import io.bulwark.audit.Fact;
import io.bulwark.audit.FactSpec;
import io.bulwark.os.CgroupDirectory;
import io.bulwark.os.CgroupMembership;
import io.bulwark.os.CgroupValue;
import io.bulwark.os.Fields;
import io.bulwark.os.MemInfo;
import io.bulwark.os.MountInfo;
import io.bulwark.os.ProcessStat;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Resource views: whether {@code /proc/meminfo}, {@code /proc/stat}, {@code /proc/cpuinfo} and
 * {@code /proc/uptime} show the host or the container's own limits (as LXCFS makes them), by
 * comparing each view with the cgroup limits and with the start of pid 1.
 */
public final class ResourceViewProbe implements Probe {

    record Data(@JsonProperty("lxcfs-files") List<String> lxcfsFiles,
                @JsonProperty("uptime-margin-seconds") long uptimeMarginSeconds) {
    }

    private static final Data DATA = ProbeData.load("resource-views.yaml", Data.class);
    /** USER_HZ, the unit of /proc/PID/stat times: 100 on every architecture containers run on. */
    static final long CLOCK_TICKS = 100;

    @Override
    public List<FactSpec> facts() {
        return List.of(
                FactSpec.bool("resources.lxcfs", "LXCFS serves at least one /proc or /sys view (a fuse.lxcfs mount)"),
                FactSpec.list("resources.lxcfs_files", "the views LXCFS serves"),
                FactSpec.number("resources.memory_limit_bytes", "the memory limit in force on the cgroup (v1 memory.limit_in_bytes, v2 memory.max, smallest over visible parents); -1 unlimited"),
                FactSpec.number("resources.meminfo_total_bytes", "MemTotal of /proc/meminfo in bytes"),
                FactSpec.bool("resources.meminfo_shows_host", "a memory limit is set and /proc/meminfo's MemTotal is larger than it"),
                FactSpec.text("resources.cpu_limit", "the CPU quota (v1 cpu.cfs_quota_us/cfs_period_us, v2 cpu.max) and the cpuset"),
                FactSpec.number("resources.cpu_quota_millicpus", "the CPU quota in thousandths of a CPU, smallest over visible parents; -1 unlimited"),
                FactSpec.number("resources.cpuset_cpus", "how many CPUs the cpuset (or the affinity mask) allows"),
                FactSpec.bool("resources.cpuinfo_shows_host", "/proc/stat or /proc/cpuinfo shows more CPUs than the cpuset and quota allow"),
                FactSpec.bool("resources.uptime_shows_host", "/proc/uptime counts from the host's boot, not from the start of the container's pid 1"));
    }

    @Override
    public List<Fact> collect(ProbeContext ctx) {
        Parsed<MountInfo> mounts = ctx.mountInfo();
        Parsed<CgroupMembership> groups = ctx.cgroups();
        List<Fact> facts = new ArrayList<>();
        List<String> lxcfs = lxcfsFiles(mounts);
        if (mounts.ok()) {
            facts.add(Fact.of("resources.lxcfs", !lxcfs.isEmpty(), lxcfs.isEmpty()
                    ? "no fuse.lxcfs mount in mountinfo" : "fuse.lxcfs mounted over " + String.join(", ", lxcfs)));
            facts.add(Fact.of("resources.lxcfs_files", lxcfs, lxcfs.isEmpty() ? "none" : String.join(", ", lxcfs)));
        } else {
            facts.add(Fact.unobserved("resources.lxcfs", mounts.problem()));
            facts.add(Fact.unobserved("resources.lxcfs_files", mounts.problem()));
        }
        Fact limit = memoryLimit(ctx, mounts, groups);
        Fact total = memTotal(ctx);
        facts.add(limit);
        facts.add(total);
        facts.add(meminfoShowsHost(limit, total, lxcfs));
        facts.addAll(new CpuView(ctx, mounts, groups, lxcfs).facts());
        facts.add(uptimeShowsHost(ctx, mounts, lxcfs));
        return facts;
    }

    private static List<String> lxcfsFiles(Parsed<MountInfo> mounts) {
        if (!mounts.ok()) {
            return List.of();
        }
        return mounts.value().visible().stream()
                .filter(m -> m.fsType().equals("fuse.lxcfs") || (m.fsType().startsWith("fuse") && m.source().equals("lxcfs")))
                .map(MountInfo.Mount::mountPoint)
                .filter(DATA.lxcfsFiles()::contains)
                .distinct().toList();
    }

    private static Fact memoryLimit(ProbeContext ctx, Parsed<MountInfo> mounts, Parsed<CgroupMembership> groups) {
        String name = "resources.memory_limit_bytes";
        List<String> problems = new ArrayList<>();
        Optional<CgroupDirectory> dir = CgroupLookup.locate("memory", mounts, groups, problems);
        if (dir.isEmpty()) {
            return Fact.unobserved(name, problems.get(0));
        }
        String file = dir.get().version().equals("v1") ? "memory.limit_in_bytes" : "memory.max";
        try {
            CgroupLimitWalk walk = CgroupLimitWalk.ofFile(ctx, dir.get(), file, CgroupValue::limit);
            return Fact.of(name, walk.limit().orElse(-1), walk.evidence());
        } catch (IOException e) {
            return Fact.unobserved(name, e.getMessage());
        }
    }

    private static Fact memTotal(ProbeContext ctx) {
        String name = "resources.meminfo_total_bytes";
        Parsed<MemInfo> info = Parsed.of(ctx.path("/proc/meminfo"), MemInfo::parse);
        if (!info.ok()) {
            return Fact.unobserved(name, info.problem());
        }
        return info.value().bytes("MemTotal")
                .map(b -> Fact.of(name, b, "/proc/meminfo MemTotal: " + b / 1024 + " kB"))
                .orElse(Fact.unobserved(name, "/proc/meminfo has no MemTotal"));
    }

    private static Fact meminfoShowsHost(Fact limit, Fact total, List<String> lxcfs) {
        String name = "resources.meminfo_shows_host";
        if (!limit.observed()) {
            return Fact.unobserved(name, "memory limit unknown: " + limit.evidence());
        }
        long bytes = (Long) limit.value();
        if (bytes < 0) {
            return Fact.of(name, false, "no memory limit: what /proc/meminfo shows is the real ceiling");
        }
        if (!total.observed()) {
            return Fact.unobserved(name, "MemTotal unknown: " + total.evidence());
        }
        long memTotal = (Long) total.value();
        String served = lxcfs.contains("/proc/meminfo") ? " (served by LXCFS)" : "";
        return Fact.of(name, memTotal > bytes, "MemTotal " + mib(memTotal) + served + (memTotal > bytes ? " is larger than" : " is within")
                + " the limit " + mib(bytes));
    }

    static String mib(long bytes) {
        return bytes / (1024 * 1024) + " MiB";
    }

    private static Fact uptimeShowsHost(ProbeContext ctx, Parsed<MountInfo> mounts, List<String> lxcfs) {
        String name = "resources.uptime_shows_host";
        if (lxcfs.contains("/proc/uptime")) {
            return Fact.of(name, false, "LXCFS serves /proc/uptime: it counts from the container's start");
        }
        Parsed<Double> uptime = Parsed.of(ctx.path("/proc/uptime"), ResourceViewProbe::firstNumber);
        Parsed<ProcessStat> init = Parsed.of(ctx.path("/proc/1/stat"), ProcessStat::parse);
        if (!uptime.ok() || !init.ok()) {
            return Fact.unobserved(name, uptime.ok() ? init.problem() : uptime.problem());
        }
        double started;
        try {
            started = (double) init.value().startTicks() / CLOCK_TICKS;
        } catch (IllegalArgumentException e) {
            return Fact.unobserved(name, "/proc/1/stat: " + e.getMessage());
        }
        double up = uptime.value();
        String facts = String.format(Locale.ROOT, "/proc/uptime %.0f s; pid 1 (%s) started %.0f s after that boot, so it is %.0f s old",
                up, init.value().command(), started, up - started);
        String unchecked = mounts.ok() ? "" : "; LXCFS not checked (" + mounts.problem() + ")";
        if (up < started) {
            return Fact.inferred(name, false, Confidence.LIKELY, facts.replace(", so it is", ", yet uptime is smaller: a virtual uptime;")
                    + unchecked);
        }
        boolean host = started > DATA.uptimeMarginSeconds();
        return Fact.inferred(name, host, Confidence.LIKELY, facts + (host
                ? ": uptime counts from the host's boot, not the container's start"
                : ": uptime and pid 1's age agree within " + DATA.uptimeMarginSeconds() + " s") + unchecked);
    }

    private static Double firstNumber(String text) {
        String[] parts = Fields.of(text.strip());
        try {
            return Double.parseDouble(parts[0]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text.strip() + "' does not start with a number of seconds");
        }
    }
}
