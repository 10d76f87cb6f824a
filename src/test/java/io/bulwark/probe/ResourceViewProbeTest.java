package io.bulwark.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResourceViewProbeTest {
    @TempDir
    Path tmp;

    private FixtureFacts scan(String fixture) {
        return FixtureFacts.of(new ResourceViewProbe(), TestFiles.copyTree("fixtures/" + fixture, tmp));
    }

    @Test
    void dockerV1LimitsAreSeenWhileProcShowsTheHost() {
        FixtureFacts facts = scan("docker-v1-limits");
        assertThat(facts.value("resources.lxcfs")).isEqualTo(false);
        assertThat(facts.value("resources.memory_limit_bytes")).isEqualTo(268435456L);
        assertThat(facts.evidence("resources.memory_limit_bytes")).contains("levels above /docker/");
        assertThat(facts.value("resources.meminfo_total_bytes")).isEqualTo(24683656L * 1024);
        assertThat(facts.value("resources.meminfo_shows_host")).isEqualTo(true);
        assertThat(facts.value("resources.cpu_quota_millicpus")).isEqualTo(500L);
        assertThat(facts.value("resources.cpuset_cpus")).isEqualTo(2L);
        assertThat(facts.value("resources.cpu_limit")).isEqualTo("quota 0.50 cpus, cpuset 2 cpus");
        assertThat(facts.value("resources.cpuinfo_shows_host")).isEqualTo(true);
        assertThat(facts.evidence("resources.cpuinfo_shows_host")).contains("against 1 cpus allowed");
        // pid 1 started 734 s after boot and /proc/uptime says 734 s: the host's boot
        assertThat(facts.value("resources.uptime_shows_host")).isEqualTo(true);
    }

    @Test
    void lxcfsViewsShowTheContainersOwnLimits() {
        FixtureFacts facts = scan("lxcfs-v2");
        assertThat(facts.value("resources.lxcfs")).isEqualTo(true);
        assertThat(facts.value("resources.lxcfs_files")).asList().contains("/proc/meminfo", "/proc/stat", "/proc/uptime",
                "/sys/devices/system/cpu/online");
        assertThat(facts.value("resources.memory_limit_bytes")).isEqualTo(268435456L);
        assertThat(facts.value("resources.meminfo_shows_host")).isEqualTo(false);
        assertThat(facts.evidence("resources.meminfo_shows_host")).contains("LXCFS");
        assertThat(facts.value("resources.cpu_quota_millicpus")).isEqualTo(1000L);
        assertThat(facts.value("resources.cpuinfo_shows_host")).isEqualTo(false);
        assertThat(facts.value("resources.uptime_shows_host")).isEqualTo(false);
        assertThat(facts.evidence("resources.uptime_shows_host")).contains("LXCFS");
    }

    @Test
    void bareHostHasNoLimitsSoItsViewsAreTrue() {
        FixtureFacts facts = scan("host-hybrid");
        assertThat(facts.value("resources.memory_limit_bytes")).isEqualTo(-1L);
        assertThat(facts.value("resources.meminfo_shows_host")).isEqualTo(false);
        assertThat(facts.value("resources.cpu_quota_millicpus")).isEqualTo(-1L);
        assertThat(facts.value("resources.cpu_limit")).isEqualTo("no quota, cpuset 2 cpus");
        assertThat(facts.value("resources.cpuinfo_shows_host")).isEqualTo(false);
        assertThat(facts.value("resources.uptime_shows_host")).isEqualTo(false);
    }

    @Test
    void cgroupV2NamespaceRootHoldsTheContainersFiles() {
        FixtureFacts facts = scan("docker-v2-cgroupns");
        assertThat(facts.value("resources.memory_limit_bytes")).isEqualTo(-1L);
        assertThat(facts.evidence("resources.memory_limit_bytes")).contains("/sys/fs/cgroup: memory.max = max");
        assertThat(facts.value("resources.cpu_quota_millicpus")).isEqualTo(-1L);
        assertThat(facts.value("resources.cpuset_cpus")).isEqualTo(4L);
        assertThat(facts.value("resources.cpuinfo_shows_host")).isEqualTo(false);
        assertThat(facts.value("resources.uptime_shows_host")).isEqualTo(true);
    }

    @Test
    void v2LimitOfAParentCgroupApplies() {
        FixtureFacts facts = scan("systemd-v2-nested");
        assertThat(facts.value("resources.memory_limit_bytes")).isEqualTo(8589934592L);
        assertThat(facts.evidence("resources.memory_limit_bytes")).contains("user-1000.slice: memory.max = 8589934592");
        assertThat(facts.observed("resources.meminfo_total_bytes")).isFalse();
        assertThat(facts.observed("resources.meminfo_shows_host")).isFalse();
    }

    @Test
    void cgroupMountedAboveTheNamespaceRootLeavesTheLimitUnobserved() {
        FixtureFacts facts = scan("bwrap-sandbox");
        assertThat(facts.observed("resources.memory_limit_bytes")).isFalse();
        assertThat(facts.evidence("resources.memory_limit_bytes")).contains("/../..");
        assertThat(facts.observed("resources.meminfo_shows_host")).isFalse();
    }

    @Test
    void malformedMeminfoIsUnobservedNotGuessed() throws Exception {
        Path root = TestFiles.copyTree("fixtures/docker-v1-limits", tmp);
        Files.writeString(root.resolve("proc/meminfo"), "MemTotal: plenty\n");
        FixtureFacts facts = FixtureFacts.of(new ResourceViewProbe(), root);
        assertThat(facts.observed("resources.meminfo_total_bytes")).isFalse();
        assertThat(facts.evidence("resources.meminfo_total_bytes")).contains("malformed");
        assertThat(facts.observed("resources.meminfo_shows_host")).isFalse();
    }

    @Test
    void malformedLimitFileIsUnobserved() throws Exception {
        Path root = TestFiles.copyTree("fixtures/docker-v1-limits", tmp);
        Files.writeString(root.resolve("sys/fs/cgroup/memory/memory.limit_in_bytes"), "lots\n");
        FixtureFacts facts = FixtureFacts.of(new ResourceViewProbe(), root);
        assertThat(facts.observed("resources.memory_limit_bytes")).isFalse();
        assertThat(facts.evidence("resources.memory_limit_bytes")).contains("lots");
    }

    @Test
    void uptimeBelowPid1StartIsAVirtualView() throws Exception {
        Path root = TestFiles.copyTree("fixtures/docker-v2-cgroupns", tmp);
        Files.writeString(root.resolve("proc/uptime"), "120.00 400.00\n");
        FixtureFacts facts = FixtureFacts.of(new ResourceViewProbe(), root);
        assertThat(facts.value("resources.uptime_shows_host")).isEqualTo(false);
        assertThat(facts.evidence("resources.uptime_shows_host")).contains("virtual uptime");
    }

    @Test
    void withoutACpusetTheAffinityMaskCounts() throws Exception {
        Path root = TestFiles.copyTree("fixtures/docker-v1-limits", tmp);
        Files.delete(root.resolve("sys/fs/cgroup/cpuset/cpuset.effective_cpus"));
        Files.delete(root.resolve("sys/fs/cgroup/cpuset/cpuset.cpus"));
        FixtureFacts facts = FixtureFacts.of(new ResourceViewProbe(), root);
        assertThat(facts.value("resources.cpuset_cpus")).isEqualTo(2L);
        assertThat(facts.evidence("resources.cpuset_cpus")).contains("Cpus_allowed_list");
    }
}
