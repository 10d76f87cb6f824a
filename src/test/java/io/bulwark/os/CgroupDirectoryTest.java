package io.bulwark.os;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.TestFiles;
import org.junit.jupiter.api.Test;

class CgroupDirectoryTest {

    private static CgroupDirectory locate(String fixture, String controller) throws CgroupDirectory.NotFound {
        return CgroupDirectory.locate(controller,
                CgroupMembership.parse(TestFiles.text("fixtures/" + fixture + "/proc/self/cgroup")),
                MountInfo.parse(TestFiles.text("fixtures/" + fixture + "/proc/self/mountinfo")));
    }

    @Test
    void hostV1RootCgroupIsTheMountPoint() throws Exception {
        CgroupDirectory dir = locate("host-hybrid", "pids");
        assertThat(dir.version()).isEqualTo("v1");
        assertThat(dir.directory()).isEqualTo("/sys/fs/cgroup/pids");
        assertThat(dir.atMountRoot()).isTrue();
        assertThat(dir.upToMountRoot()).containsExactly("/sys/fs/cgroup/pids");
    }

    @Test
    void hostV1NestedCgroupWalksUpToTheMountPoint() throws Exception {
        CgroupDirectory dir = locate("host-hybrid", "memory");
        assertThat(dir.directory()).isEqualTo("/sys/fs/cgroup/memory/system.slice/workload.service");
        assertThat(dir.upToMountRoot()).containsExactly("/sys/fs/cgroup/memory/system.slice/workload.service",
                "/sys/fs/cgroup/memory/system.slice", "/sys/fs/cgroup/memory");
    }

    @Test
    void dockerBindsItsOwnCgroupAtTheMountPoint() throws Exception {
        // the mount's root is /docker/ID, the process's path the same: the directory is the mount point
        CgroupDirectory dir = locate("docker-v1-limits", "pids");
        assertThat(dir.directory()).isEqualTo("/sys/fs/cgroup/pids");
        assertThat(dir.cgroupPath()).startsWith("/docker/");
        assertThat(dir.mount().root()).isEqualTo(dir.cgroupPath());
    }

    @Test
    void coMountedAndNamedHierarchiesAreFound() throws Exception {
        assertThat(locate("docker-v1-limits", "name=systemd").directory()).isEqualTo("/sys/fs/cgroup/systemd");
        assertThat(locate("docker-v1-limits", "cpu").directory()).isEqualTo("/sys/fs/cgroup/cpu");
    }

    @Test
    void v2InsideACgroupNamespaceIsTheMountPoint() throws Exception {
        CgroupDirectory dir = locate("docker-v2-cgroupns", "pids");
        assertThat(dir.version()).isEqualTo("v2");
        assertThat(dir.directory()).isEqualTo("/sys/fs/cgroup");
    }

    @Test
    void v2WithoutNamespaceIsBelowTheMountPoint() throws Exception {
        CgroupDirectory dir = locate("systemd-v2-nested", "pids");
        assertThat(dir.directory()).isEqualTo("/sys/fs/cgroup/user.slice/user-1000.slice/session-2.scope");
        assertThat(dir.upToMountRoot()).hasSize(4).last().isEqualTo("/sys/fs/cgroup");
    }

    @Test
    void mountRootAboveTheNamespaceRootCannotBePlaced() {
        // bubblewrap's cgroup namespace: memory is mounted with root /../.. and the process is at /
        assertThatThrownBy(() -> locate("bwrap-sandbox", "memory"))
                .isInstanceOf(CgroupDirectory.NotFound.class).hasMessageContaining("/../..");
    }

    @Test
    void hierarchyNotMountedHereIsReported() {
        assertThatThrownBy(() -> CgroupDirectory.locate("pids",
                CgroupMembership.parse("8:pids:/docker/abc\n0::/\n"),
                MountInfo.parse("1 0 8:1 / / rw - ext4 /dev/sda1 rw\n")))
                .isInstanceOf(CgroupDirectory.NotFound.class).hasMessageContaining("not mounted");
    }

    @Test
    void relativePlacesAPathUnderAMountRoot() {
        assertThat(CgroupDirectory.relative("/", "/a/b")).hasValue("/a/b");
        assertThat(CgroupDirectory.relative("/a", "/a")).hasValue("/");
        assertThat(CgroupDirectory.relative("/a", "/a/b")).hasValue("/b");
        assertThat(CgroupDirectory.relative("/a", "/ab")).isEmpty();
        assertThat(CgroupDirectory.relative("/a/b", "/a")).isEmpty();
        assertThat(CgroupDirectory.relative("/..", "/")).isEmpty();
    }
}
