package io.bulwark.os;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.TestFiles;
import org.junit.jupiter.api.Test;

class CgroupMembershipTest {

    private static CgroupMembership parse(String resource) {
        return CgroupMembership.parse(TestFiles.text(resource));
    }

    @Test
    void hybridHostHasV1ControllersANamedHierarchyAndTheUnifiedLine() {
        CgroupMembership groups = parse("fixtures/host-hybrid/proc/self/cgroup");
        assertThat(groups.entries()).hasSize(10);
        assertThat(groups.hasV1()).isTrue();
        assertThat(groups.v1("pids")).map(CgroupMembership.Entry::hierarchyId).hasValue(8);
        assertThat(groups.v1("memory")).map(CgroupMembership.Entry::path).hasValue("/system.slice/workload.service");
        assertThat(groups.v1("name=systemd")).map(CgroupMembership.Entry::path).hasValue("/");
        assertThat(groups.unified()).map(CgroupMembership.Entry::path).hasValue("/");
        assertThat(groups.v1("rdma")).isEmpty();
    }

    @Test
    void dockerV1LinesCarryTheContainerPath() {
        CgroupMembership groups = parse("fixtures/docker-v1-limits/proc/self/cgroup");
        assertThat(groups.v1("pids").orElseThrow().path()).startsWith("/docker/1e1a9741");
        assertThat(groups.v1("pids").orElseThrow().toString()).startsWith("8:pids:/docker/");
    }

    @Test
    void pureV2HasOnlyTheUnifiedLine() {
        CgroupMembership groups = parse("os/cgroup/v2-only.txt");
        assertThat(groups.hasV1()).isFalse();
        assertThat(groups.v1("pids")).isEmpty();
        assertThat(groups.unified()).map(CgroupMembership.Entry::path).hasValue("/user.slice/user-1000.slice/session-2.scope");
        assertThat(groups.unified().orElseThrow().controllers()).isEmpty();
    }

    @Test
    void cgroupNamespaceRootIsSlash() {
        assertThat(parse("fixtures/docker-v2-cgroupns/proc/self/cgroup").unified()).map(CgroupMembership.Entry::path).hasValue("/");
    }

    @Test
    void pathMayHoldColonsAndControllersMayBeCoMounted() {
        CgroupMembership groups = parse("os/cgroup/colon-in-path.txt");
        assertThat(groups.unified()).map(CgroupMembership.Entry::path).hasValue("/system.slice/run-r1:2.scope");
        assertThat(groups.v1("cpuacct")).map(CgroupMembership.Entry::path).hasValue("/a:b");
        assertThat(groups.v1("cpu").orElseThrow().controllers()).containsExactly("cpu", "cpuacct");
    }

    @Test
    void lineWithoutColonsIsRefused() {
        assertThatThrownBy(() -> parse("os/cgroup/malformed-no-colons.txt"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cgroup line 1");
    }

    @Test
    void nonNumericHierarchyIsRefused() {
        assertThatThrownBy(() -> parse("os/cgroup/malformed-id.txt")).hasMessageContaining("'x' is not a number");
    }

    @Test
    void relativePathIsRefused() {
        assertThatThrownBy(() -> parse("os/cgroup/malformed-relative-path.txt")).hasMessageContaining("does not start with /");
    }

    @Test
    void hierarchyZeroWithControllersIsRefused() {
        assertThatThrownBy(() -> parse("os/cgroup/malformed-v2-with-controllers.txt")).hasMessageContaining("v2 hierarchy");
    }

    @Test
    void emptyFileIsRefused() {
        assertThatThrownBy(() -> parse("os/cgroup/empty.txt")).hasMessageContaining("empty");
    }
}
