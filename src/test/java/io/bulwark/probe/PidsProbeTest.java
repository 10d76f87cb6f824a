package io.bulwark.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.bulwark.TestFiles;
import io.bulwark.audit.FactSpec;
import io.bulwark.os.CgroupMembership;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PidsProbeTest {
    @TempDir
    Path tmp;

    private FixtureFacts scan(String fixture) {
        return FixtureFacts.of(new PidsProbe(), TestFiles.copyTree("fixtures/" + fixture, tmp));
    }

    @Test
    void declaresTheFactNamesOthersTestAgainst() {
        assertThat(new PidsProbe().facts()).extracting(FactSpec::name)
                .contains("cgroup.version", "cgroup.path", "cgroup.pids.max", "cgroup.pids.current");
    }

    @Test
    void v1DockerPidsLimitIsReadFromItsOwnCgroup() {
        FixtureFacts facts = scan("docker-v1-limits");
        assertThat(facts.value("cgroup.version")).isEqualTo("v1");
        assertThat((String) facts.value("cgroup.path")).startsWith("/docker/1e1a9741");
        assertThat(facts.value("cgroup.pids.directory")).isEqualTo("/sys/fs/cgroup/pids");
        assertThat(facts.value("cgroup.pids.max")).isEqualTo(64L);
        assertThat(facts.value("cgroup.pids.current")).isEqualTo(1L);
    }

    @Test
    void v1HostRootCgroupHasNoLimit() {
        FixtureFacts facts = scan("host-hybrid");
        assertThat(facts.value("cgroup.version")).isEqualTo("hybrid");
        assertThat(facts.value("cgroup.path")).isEqualTo("/");
        assertThat(facts.value("cgroup.pids.max")).isEqualTo(-1L);
        assertThat(facts.evidence("cgroup.pids.max")).contains("no pids.max", "top of the hierarchy");
        assertThat(facts.observed("cgroup.pids.current")).isFalse();
        assertThat(facts.evidence("cgroup.pids.current")).contains("root cgroup");
    }

    @Test
    void v2UnifiedFixtureTakesTheSmallestLimitOfTheCgroupAndItsParents() {
        // a pure v2 host is not at hand here: this fixture mimics systemd's unified tree
        FixtureFacts facts = scan("systemd-v2-nested");
        assertThat(facts.value("cgroup.version")).isEqualTo("v2");
        assertThat(facts.value("cgroup.pids.directory")).isEqualTo("/sys/fs/cgroup/user.slice/user-1000.slice/session-2.scope");
        assertThat(facts.value("cgroup.pids.max")).isEqualTo(10813L);
        assertThat(facts.evidence("cgroup.pids.max")).contains("session-2.scope: pids.max = max", "user-1000.slice: pids.max = 10813");
        assertThat(facts.value("cgroup.pids.current")).isEqualTo(17L);
    }

    @Test
    void v2FixtureInsideACgroupNamespaceReadsTheNamespaceRoot() {
        FixtureFacts facts = scan("docker-v2-cgroupns");
        assertThat(facts.value("cgroup.version")).isEqualTo("v2");
        assertThat(facts.value("cgroup.path")).isEqualTo("/");
        assertThat(facts.value("cgroup.pids.max")).isEqualTo(100L);
        assertThat(facts.value("cgroup.pids.current")).isEqualTo(3L);
    }

    @Test
    void v2FixtureWithoutThePidsControllerEnabledHasNoLimit() throws Exception {
        Path root = TestFiles.copyTree("fixtures/systemd-v2-nested", tmp);
        Path slice = root.resolve("sys/fs/cgroup/user.slice");
        Files.delete(slice.resolve("pids.max"));
        Files.delete(slice.resolve("user-1000.slice/pids.max"));
        Files.delete(slice.resolve("user-1000.slice/session-2.scope/pids.max"));
        Files.delete(slice.resolve("user-1000.slice/session-2.scope/pids.current"));
        FixtureFacts facts = FixtureFacts.of(new PidsProbe(), root);
        assertThat(facts.value("cgroup.pids.max")).isEqualTo(-1L);
        assertThat(facts.evidence("cgroup.pids.max")).contains("not enabled");
        assertThat(facts.observed("cgroup.pids.current")).isFalse();
    }

    @Test
    void hierarchyThatIsNotMountedLeavesTheLimitUnobserved() throws Exception {
        Path root = TestFiles.copyTree("fixtures/docker-v1-limits", tmp);
        Files.writeString(root.resolve("proc/self/mountinfo"), "72 48 0:39 / / rw - overlay overlay rw\n");
        FixtureFacts facts = FixtureFacts.of(new PidsProbe(), root);
        assertThat(facts.value("cgroup.version")).isEqualTo("v1");
        assertThat(facts.observed("cgroup.pids.max")).isFalse();
        assertThat(facts.evidence("cgroup.pids.max")).contains("not mounted");
    }

    @Test
    void malformedCgroupFileLeavesEveryFactUnobserved() throws Exception {
        Path root = TestFiles.copyTree("fixtures/docker-v1-limits", tmp);
        Files.writeString(root.resolve("proc/self/cgroup"), "pids /docker/x\n");
        FixtureFacts facts = FixtureFacts.of(new PidsProbe(), root);
        assertThat(facts.observed("cgroup.version")).isFalse();
        assertThat(facts.observed("cgroup.pids.max")).isFalse();
        assertThat(facts.evidence("cgroup.pids.max")).contains("malformed");
    }

    @Test
    void malformedPidsMaxIsUnobservedNotUnlimited() throws Exception {
        Path root = TestFiles.copyTree("fixtures/docker-v1-limits", tmp);
        Files.writeString(root.resolve("sys/fs/cgroup/pids/pids.max"), "lots\n");
        FixtureFacts facts = FixtureFacts.of(new PidsProbe(), root);
        assertThat(facts.observed("cgroup.pids.max")).isFalse();
        assertThat(facts.evidence("cgroup.pids.max")).contains("lots");
    }

    @Test
    void liveV1PidsHierarchyOnThisMachine() throws Exception {
        Optional<CgroupMembership.Entry> pids = CgroupMembership.parse(Files.readString(Path.of("/proc/self/cgroup"))).v1("pids");
        assumeTrue(pids.isPresent(), "the pids controller is not on a v1 hierarchy here");
        FixtureFacts facts = FixtureFacts.live(new PidsProbe());
        assertThat(facts.value("cgroup.version")).isIn("v1", "hybrid");
        assertThat(facts.value("cgroup.path")).isEqualTo(pids.get().path());
        assertThat((String) facts.value("cgroup.pids.directory")).startsWith("/sys/fs/cgroup/pids");
        long max = (Long) facts.value("cgroup.pids.max");
        assertThat(max == -1 || max > 0).isTrue();
    }
}
