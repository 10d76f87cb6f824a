package io.bulwark.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.os.Capability;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The planner's decisions and checks, against fixture hosts (no kernel involved). */
class PlannerTest {
    @TempDir
    Path tmp;

    static HostView host(String cgroups) throws Exception {
        return new HostView(0, 0, "", "", CgroupLayoutTest.layout(cgroups), Map.of("TERM", "xterm", "SECRET", "s3"));
    }

    static RunSpec spec(String rootfs, List<BindSpec> binds, long pidsMax, Set<Namespace> shared) {
        return new RunSpec(List.of("/bin/sh"), shared, rootfs, binds, List.of(), Set.of(Capability.NET_BIND_SERVICE),
                SeccompPrograms.UNCONFINED, pidsMax, 0, null, List.of("A=1"), List.of("TERM"), null, List.of());
    }

    static Plan plan(HostView host, RunSpec spec) {
        return new Planner(RuntimeDefaults.load(), host, new SeccompPrograms()).plan(spec);
    }

    @Test
    void defaultsCreateEveryNamespaceMapRootAwayAndLimitPids() throws Exception {
        Plan p = plan(host("hybrid-v1-pids"), spec(null, List.of(), 1024, Set.of()));
        for (Namespace ns : Namespace.values()) {
            assertThat(p.creates(ns)).as(ns.id()).isTrue();
        }
        assertThat(p.uidMap()).startsWith("0 1000000000 ");
        assertThat(p.cgroups()).singleElement().satisfies(cg -> {
            assertThat(cg.parent()).endsWith("hybrid-v1-pids/pids");
            assertThat(cg.files()).containsEntry("pids.max", "1024");
        });
        assertThat(p.capBounding()).isEqualTo(1L << Capability.NET_BIND_SERVICE.bit());
        assertThat(p.env()).containsExactly("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                "HOME=/root", "TERM=xterm", "A=1");
        assertThat(p.hostname()).isEqualTo("bulwark");
    }

    static RunSpec asUser(long uid, long gid, Set<Capability> caps, List<IdRange> maps) {
        return new RunSpec(List.of("/bin/sh"), Set.of(), null, List.of(), List.of(), caps, SeccompPrograms.UNCONFINED, 0, 0,
                null, List.of(), List.of(), null, List.of(), maps, uid, gid);
    }

    @Test
    void theWorkloadRunsAsAMappedUser() throws Exception {
        Plan p = plan(host("hybrid-v1-pids"), asUser(1000, 50, Set.of(), List.of()));
        assertThat(p.uid()).isEqualTo(1000);
        assertThat(p.gid()).isEqualTo(50);
        assertThatThrownBy(() -> plan(host("hybrid-v1-pids"), asUser(70000, 70000, Set.of(), List.of())))
                .isInstanceOf(RunFailure.class).hasMessageStartingWith("--user 70000:70000: uid 70000 is not mapped in the container");
        assertThatThrownBy(() -> plan(host("hybrid-v1-pids"), asUser(5, 5, Set.of(), List.of(IdRange.parse("0:300000:5")))))
                .isInstanceOf(RunFailure.class).hasMessageContaining("uid 5 is not mapped");
        assertThatThrownBy(() -> plan(host("hybrid-v1-pids"), asUser(1000, 1000, Set.of(Capability.NET_RAW), List.of())))
                .isInstanceOf(RunFailure.class).hasMessageContaining("loses them at execve");
        assertThat(plan(host("hybrid-v1-pids"), asUser(4, 4, Set.of(), List.of(IdRange.parse("0:300000:5")))).uidMap())
                .isEqualTo("0 300000 5\n");
    }

    @Test
    void aKernelWithoutTimeNamespacesNeedsShareTime() throws Exception {
        HostView old = new HostView(0, 0, "", "", CgroupLayoutTest.layout("hybrid-v1-pids"), Map.of(), false);
        assertThatThrownBy(() -> plan(old, spec(null, List.of(), 0, Set.of())))
                .isInstanceOf(RunFailure.class).hasMessageEndingWith("run with --share time");
        assertThat(plan(old, spec(null, List.of(), 0, Set.of(Namespace.TIME))).creates(Namespace.TIME)).isFalse();
    }

    @Test
    void onlyRootMayIdmapABind() throws Exception {
        List<BindSpec> binds = List.of(BindSpec.parse("/etc:/etc:ro,idmap"));
        HostView user = new HostView(1000, 1000, "", "", CgroupLayoutTest.layout("hybrid-v1-pids"), Map.of());
        assertThatThrownBy(() -> plan(user, spec(null, binds, 0, Set.of())))
                .isInstanceOf(RunFailure.class).hasMessageStartingWith("--bind /etc:/etc:idmap: only root may idmap");
        assertThat(plan(host("hybrid-v1-pids"), spec(null, binds, 0, Set.of())).mounts()).contains(MountStep.bind("/etc", "/etc",
                MountFlags.ATTR_RDONLY | MountFlags.ATTR_IDMAP | MountFlags.ATTR_NOSUID | MountFlags.ATTR_NODEV));
    }

    @Test
    void hostRootIsBoundReadOnlyAndMasksFollowThePivot() throws Exception {
        List<MountStep> m = plan(host("hybrid-v1-pids"), spec(null, List.of(), 1024, Set.of())).mounts();
        assertThat(m.get(0)).isEqualTo(MountStep.bind("/", "/",
                MountFlags.ATTR_RDONLY | MountFlags.ATTR_NOSUID | MountFlags.ATTR_NODEV));
        int pivot = m.indexOf(MountStep.pivot());
        assertThat(m.subList(pivot + 1, m.size())).contains(MountStep.mask("/proc/kcore"), MountStep.readOnly("/proc/sys"));
        assertThat(m.subList(0, pivot)).noneMatch(s -> s.kind() == MountStep.Kind.MASK);
    }

    @Test
    void sharingTheNetworkBindsTheHostsSysReadOnly() throws Exception {
        List<MountStep> m = plan(host("hybrid-v1-pids"), spec(null, List.of(), 1024, Set.of(Namespace.NET))).mounts();
        assertThat(m).contains(MountStep.bind("/sys", "/sys",
                MountFlags.ATTR_RDONLY | MountFlags.ATTR_NOSUID | MountFlags.ATTR_NODEV | MountFlags.ATTR_NOEXEC));
    }

    @Test
    void v2WithPidsDelegatedGivesAV2Cgroup() throws Exception {
        Plan p = plan(host("v2-delegated"), spec(null, List.of(), 50, Set.of()));
        assertThat(p.cgroups().get(0).parent()).endsWith("v2-delegated/user.slice/bulwark.service");
    }

    @Test
    void missingOrUndelegatedPidsControllerIsOneClearError() {
        assertThatThrownBy(() -> plan(host("no-pids"), spec(null, List.of(), 1024, Set.of())))
                .isInstanceOf(RunFailure.class).hasMessageContaining("no pids cgroup controller").hasMessageContaining("unlimited");
        assertThatThrownBy(() -> plan(host("v2-not-delegated"), spec(null, List.of(), 1024, Set.of())))
                .isInstanceOf(RunFailure.class).hasMessageContaining("cgroup.subtree_control");
    }

    @Test
    void missingBindSourceFailsBeforeStart() {
        assertThatThrownBy(() -> plan(host("no-pids"), spec(null, List.of(new BindSpec("/no/such/dir", "/tmp/x", false)), 0, Set.of())))
                .isInstanceOf(RunFailure.class).hasMessage("--bind /no/such/dir:/tmp/x: /no/such/dir does not exist on the host")
                .extracting(e -> ((RunFailure) e).exitCode()).isEqualTo(125);
    }

    @Test
    void aBindTargetMissingFromTheReadOnlyHostRootIsRefused() {
        assertThatThrownBy(() -> plan(host("no-pids"), spec(null, List.of(new BindSpec("/etc", "/no-such-target", true)), 0, Set.of())))
                .isInstanceOf(RunFailure.class).hasMessageContaining("does not exist in the read-only host root");
    }

    @Test
    void aSymlinkInAMountTargetOfTheRootfsIsRefused() throws Exception {
        Path rootfs = Files.createDirectory(tmp.resolve("rootfs"));
        Files.createSymbolicLink(rootfs.resolve("dev"), Path.of("/dev"));
        assertThatThrownBy(() -> plan(host("no-pids"), spec(rootfs.toString(), List.of(), 0, Set.of())))
                .isInstanceOf(RunFailure.class).hasMessageContaining("rootfs's /dev").hasMessageContaining("is a symlink");
    }

    @Test
    void aMissingRootfsAndAMissingCommandAreRefused() throws Exception {
        assertThatThrownBy(() -> plan(host("no-pids"), spec(tmp.resolve("nope").toString(), List.of(), 0, Set.of())))
                .isInstanceOf(RunFailure.class).hasMessageContaining("no such directory");
        Path rootfs = Files.createDirectory(tmp.resolve("empty-rootfs"));
        assertThatThrownBy(() -> plan(host("no-pids"), spec(rootfs.toString(), List.of(), 0, Set.of())))
                .isInstanceOf(RunFailure.class).hasMessageContaining("/bin/sh: command not found")
                .extracting(e -> ((RunFailure) e).exitCode()).isEqualTo(127);
    }
}
