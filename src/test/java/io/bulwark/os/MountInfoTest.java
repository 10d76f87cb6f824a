package io.bulwark.os;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.TestFiles;
import java.util.List;
import org.junit.jupiter.api.Test;

class MountInfoTest {

    private static MountInfo parse(String resource) {
        return MountInfo.parse(TestFiles.text(resource));
    }

    private static List<String> visiblePoints(MountInfo table) {
        return table.visible().stream().map(m -> m.id() + " " + m.mountPoint()).toList();
    }

    @Test
    void readsEveryFieldOfADockerMaskLine() {
        MountInfo table = parse("fixtures/docker-v1-limits/proc/self/mountinfo");
        MountInfo.Mount keys = table.at("/proc/keys").orElseThrow();
        assertThat(keys.id()).isEqualTo(54);
        assertThat(keys.parentId()).isEqualTo(73);
        assertThat(keys.device()).isEqualTo("0:43");
        assertThat(keys.root()).isEqualTo("/null");
        assertThat(keys.fsType()).isEqualTo("tmpfs");
        assertThat(keys.source()).isEqualTo("tmpfs");
        assertThat(keys.mountOptions()).containsExactly("rw", "nosuid");
        assertThat(keys.superOptions()).containsExactly("rw", "size=65536k", "mode=755");
        assertThat(keys.readOnly()).isFalse();
        assertThat(table.at("/proc/sys").orElseThrow().readOnly()).isTrue();
    }

    @Test
    void readsOverlaySuperOptionsAndPropagationTags() {
        MountInfo.Mount root = parse("fixtures/docker-v1-limits/proc/self/mountinfo").at("/").orElseThrow();
        assertThat(root.optionalFields()).containsExactly("master:2");
        assertThat(root.superOption("upperdir")).hasValueSatisfying(v -> assertThat(v).startsWith("/var/lib/docker/overlay2/"));
        assertThat(root.superOption("nosuchoption")).isEmpty();
    }

    @Test
    void takesAnyNumberOfOptionalFields() {
        MountInfo table = parse("os/mountinfo/optional-fields.txt");
        assertThat(table.all()).hasSize(3);
        assertThat(table.all().get(1).optionalFields()).containsExactly("shared:5", "master:1", "propagate_from:3", "unbindable");
        assertThat(table.all().get(1).fsType()).isEqualTo("ext3");
        assertThat(table.all().get(2).optionalFields()).isEmpty();
        assertThat(table.all().get(2).superOptions()).isEmpty();
    }

    @Test
    void unescapesOctalEscapesInPathsAndSource() {
        MountInfo table = parse("os/mountinfo/escaped-paths.txt");
        MountInfo.Mount docs = table.all().get(1);
        assertThat(docs.root()).isEqualTo("/home/ci/My Documents");
        assertThat(docs.mountPoint()).isEqualTo("/mnt/my docs");
        MountInfo.Mount odd = table.all().get(2);
        assertThat(odd.mountPoint()).isEqualTo("/mnt/tab\tand\\backslash");
        assertThat(odd.source()).isEqualTo("my tmpfs");
        assertThat(table.containing("/mnt/my docs/file")).map(MountInfo.Mount::id).hasValue(80);
    }

    @Test
    void hostTableWithItsRootListedAfterItsChildrenHidesNothing() {
        // the VM's init mounted /proc, /sys and /dev before the root disk and moved them under it
        MountInfo table = parse("fixtures/host-hybrid/proc/self/mountinfo");
        assertThat(table.at("/proc")).map(MountInfo.Mount::id).hasValue(22);
        assertThat(table.at("/sys")).map(MountInfo.Mount::fsType).hasValue("sysfs");
        assertThat(table.at("/sys/fs/cgroup/pids")).isPresent();
        // /dev/shm and /dev/pts are each mounted twice: the later one is on top
        assertThat(table.at("/dev/shm")).map(MountInfo.Mount::id).hasValue(30);
        assertThat(table.at("/dev/pts")).map(MountInfo.Mount::id).hasValue(29);
        assertThat(visiblePoints(table)).doesNotContain("25 /dev/shm", "26 /dev/pts");
    }

    @Test
    void newProcOfUnshareCoversTheHostProc() {
        MountInfo table = parse("fixtures/unshare-pid-mount/proc/self/mountinfo");
        assertThat(table.at("/proc")).map(MountInfo.Mount::id).hasValue(109);
        assertThat(visiblePoints(table)).doesNotContain("60 /proc");
        assertThat(table.containing("/proc/sys/kernel")).map(MountInfo.Mount::id).hasValue(109);
    }

    @Test
    void bubblewrapDevCoversTheHostDevAndEverythingUnderIt() {
        MountInfo table = parse("fixtures/bwrap-sandbox/proc/self/mountinfo");
        assertThat(table.at("/dev")).map(MountInfo.Mount::fsType).hasValue("tmpfs");
        assertThat(table.at("/dev/null")).map(MountInfo.Mount::root).hasValue("/null");
        // the host's devtmpfs and its shm/pts lie under the new /dev and are unreachable
        assertThat(visiblePoints(table)).doesNotContain("126 /dev", "127 /dev/shm", "128 /dev/shm", "130 /dev/pts");
        assertThat(table.at("/dev/pts")).map(MountInfo.Mount::id).hasValue(145);
        assertThat(table.at("/proc/irq")).map(MountInfo.Mount::readOnly).hasValue(true);
    }

    @Test
    void laterMountAboveAnEarlierOneCoversItsWholeSubtree() {
        MountInfo table = parse("os/mountinfo/later-mount-covers-subtree.txt");
        assertThat(visiblePoints(table)).containsExactly("20 /", "23 /a", "24 /a/d");
        assertThat(table.containing("/a/b/c/file")).map(MountInfo.Mount::id).hasValue(23);
    }

    @Test
    void containingPicksTheLongestMountPointOnAPathBoundary() {
        MountInfo table = parse("fixtures/docker-v1-limits/proc/self/mountinfo");
        assertThat(table.containing("/proc/sys/kernel/core_pattern")).map(MountInfo.Mount::root).hasValue("/sys");
        assertThat(table.containing("/proc/sysrq-trigger")).map(MountInfo.Mount::mountPoint).hasValue("/proc");
        assertThat(table.containing("/etc/passwd")).map(MountInfo.Mount::mountPoint).hasValue("/");
        assertThat(table.ofType("cgroup")).hasSize(9);
    }

    @Test
    void isAtOrAboveRespectsPathBoundaries() {
        assertThat(MountInfo.isAtOrAbove("/proc", "/proc/sys")).isTrue();
        assertThat(MountInfo.isAtOrAbove("/proc", "/proc")).isTrue();
        assertThat(MountInfo.isAtOrAbove("/", "/anything")).isTrue();
        assertThat(MountInfo.isAtOrAbove("/proc", "/procfs")).isFalse();
        assertThat(MountInfo.isAtOrAbove("/proc/sys", "/proc")).isFalse();
    }

    @Test
    void lineWithoutSeparatorIsRefusedWithItsNumber() {
        assertThatThrownBy(() -> parse("os/mountinfo/malformed-no-separator.txt"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mountinfo line 1");
    }

    @Test
    void deviceWithoutColonIsRefused() {
        assertThatThrownBy(() -> parse("os/mountinfo/malformed-device.txt"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("254.0").hasMessageContaining("MAJOR:MINOR");
    }

    @Test
    void nonNumericMountIdIsRefusedOnItsLine() {
        assertThatThrownBy(() -> parse("os/mountinfo/malformed-id.txt"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mountinfo line 2").hasMessageContaining("not numeric");
    }

    @Test
    void lineCutAfterTheFilesystemTypeIsRefused() {
        assertThatThrownBy(() -> parse("os/mountinfo/malformed-truncated.txt")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void emptyTableHasNoMounts() {
        MountInfo table = MountInfo.parse("\n");
        assertThat(table.all()).isEmpty();
        assertThat(table.containing("/")).isEmpty();
    }
}
