package io.bulwark.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.TestFiles;
import io.bulwark.audit.Confidence;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostMountProbeTest {
    @TempDir
    Path tmp;

    private static ServerSocketChannel listen(Path socket) throws Exception {
        Files.createDirectories(socket.getParent());
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        return server;
    }

    @Test
    void hostRootEtcRunProcSysAndDockerStateBoundIntoAContainerAreNamed() {
        Path root = TestFiles.copyTree("fixtures/docker-host-mounts", tmp);
        TestFiles.emptyDirs(root, List.of("host", "host-etc", "run", "srv/out"));
        FixtureFacts facts = FixtureFacts.of(new HostMountProbe(), root);
        assertThat(facts.value("host_mounts.sensitive")).asList()
                .containsExactlyInAnyOrder("/", "/etc", "/run", "/proc", "/sys", "/dev", "/var/lib/docker");
        assertThat(facts.evidence("host_mounts.sensitive")).contains("host /etc: mount 90 /etc at /host-etc");
        // /host is read-only; /etc and /run are bound read-write
        assertThat(facts.value("host_mounts.sensitive_writable")).asList().contains("/etc", "/run").doesNotContain("/");
    }

    @Test
    void dockersOwnBindsOfHostsAndResolvConfAreNotHostPaths() {
        FixtureFacts facts = FixtureFacts.of(new HostMountProbe(), TestFiles.copyTree("fixtures/docker-default", tmp));
        assertThat(facts.value("host_mounts.sensitive")).asList().isEmpty();
        assertThat(facts.value("host_mounts.sockets")).asList().isEmpty();
        assertThat(facts.value("host_mounts.docker_socket")).isEqualTo(false);
    }

    @Test
    void bareHostMountsAreTheHostsOwnNotBinds() {
        FixtureFacts facts = FixtureFacts.of(new HostMountProbe(), TestFiles.copyTree("fixtures/host-hybrid", tmp));
        assertThat(facts.value("host_mounts.sensitive")).asList().isEmpty();
        assertThat(facts.confidence("host_mounts.sensitive")).isEqualTo(Confidence.CERTAIN);
        assertThat(facts.evidence("host_mounts.sensitive")).contains("host's own mount namespace");
    }

    @Test
    void sandboxWhoseRootIsTheHostRootReadOnlyIsNamedButNotWritable() {
        FixtureFacts facts = FixtureFacts.of(new HostMountProbe(), TestFiles.copyTree("fixtures/bwrap-sandbox", tmp));
        assertThat(facts.value("host_mounts.sensitive")).asList().contains("/").doesNotContain("/proc", "/dev", "/sys");
        assertThat(facts.value("host_mounts.sensitive_writable")).asList().isEmpty();
    }

    @Test
    void listeningDockerSocketIsReachable() throws Exception {
        Path root = TestFiles.copyTree("fixtures/docker-default", tmp);
        try (ServerSocketChannel server = listen(root.resolve("run/docker.sock"))) {
            FixtureFacts facts = FixtureFacts.of(new HostMountProbe(), root);
            assertThat(facts.value("host_mounts.sockets")).asList().containsExactly("/run/docker.sock");
            assertThat(facts.value("host_mounts.docker_socket")).isEqualTo(true);
            assertThat(facts.evidence("host_mounts.sockets")).contains("connected and closed, nothing sent");
        }
    }

    @Test
    void socketFileWithoutListenerIsPresentButNotReachable() throws Exception {
        Path root = TestFiles.copyTree("fixtures/docker-default", tmp);
        listen(root.resolve("run/containerd/containerd.sock")).close();
        FixtureFacts facts = FixtureFacts.of(new HostMountProbe(), root);
        assertThat(facts.value("host_mounts.sockets")).asList().isEmpty();
        assertThat(facts.evidence("host_mounts.sockets")).contains("present but refused: /run/containerd/containerd.sock");
    }

    @Test
    void socketBoundToAnUnusualPlaceIsFoundThroughTheMountTable() throws Exception {
        Path root = TestFiles.copyTree("fixtures/docker-default", tmp);
        Files.writeString(root.resolve("proc/self/mountinfo"), TestFiles.text("fixtures/docker-default/proc/self/mountinfo")
                + "93 72 0:25 /docker.sock /opt/ci/engine.sock rw,nosuid,nodev - tmpfs tmpfs rw,mode=755\n");
        try (ServerSocketChannel server = listen(root.resolve("opt/ci/engine.sock"))) {
            FixtureFacts facts = FixtureFacts.of(new HostMountProbe(), root);
            assertThat(facts.value("host_mounts.sockets")).asList().containsExactly("/opt/ci/engine.sock");
            assertThat(facts.value("host_mounts.docker_socket")).isEqualTo(false);
        }
    }

    @Test
    void hostRunTmpfsIsRecognisedByWhatItHolds() throws Exception {
        Path root = TestFiles.copyTree("fixtures/docker-default", tmp);
        Files.writeString(root.resolve("proc/self/mountinfo"), TestFiles.text("fixtures/docker-default/proc/self/mountinfo")
                + "93 72 0:25 / /run rw,nosuid,nodev - tmpfs tmpfs rw,size=1631404k,mode=755\n");
        Files.createDirectories(root.resolve("run/systemd"));
        FixtureFacts facts = FixtureFacts.of(new HostMountProbe(), root);
        assertThat(facts.value("host_mounts.sensitive")).asList().containsExactly("/run");
    }

    @Test
    void containersOwnRunTmpfsIsNotTheHosts() throws Exception {
        Path root = TestFiles.copyTree("fixtures/docker-default", tmp);
        Files.writeString(root.resolve("proc/self/mountinfo"), TestFiles.text("fixtures/docker-default/proc/self/mountinfo")
                + "93 72 0:25 / /run rw,nosuid,nodev - tmpfs tmpfs rw,size=65536k\n");
        Files.createDirectories(root.resolve("run/app"));
        assertThat(FixtureFacts.of(new HostMountProbe(), root).value("host_mounts.sensitive")).asList().isEmpty();
    }

    @Test
    void malformedMountinfoLeavesSensitiveUnobservedButStillChecksSockets() throws Exception {
        Path root = TestFiles.copyTree("fixtures/docker-default", tmp);
        Files.writeString(root.resolve("proc/self/mountinfo"), "garbage\n");
        FixtureFacts facts = FixtureFacts.of(new HostMountProbe(), root);
        assertThat(facts.observed("host_mounts.sensitive")).isFalse();
        assertThat(facts.evidence("host_mounts.sensitive")).contains("malformed");
        assertThat(facts.observed("host_mounts.sockets")).isTrue();
    }
}
