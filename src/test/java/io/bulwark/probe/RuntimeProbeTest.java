package io.bulwark.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.TestFiles;
import io.bulwark.audit.Confidence;
import io.bulwark.audit.Facts;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuntimeProbeTest {
    @TempDir
    Path tmp;

    private FixtureFacts scan(String fixture) {
        return FixtureFacts.of(new RuntimeProbe(), TestFiles.copyTree("fixtures/" + fixture, tmp));
    }

    @Test
    void dockerOnV1IsNamedByItsCgroupPathWithTheId() {
        FixtureFacts facts = scan("docker-v1-limits");
        assertThat(facts.value("runtime.name")).isEqualTo("docker");
        assertThat(facts.value("runtime.in_container")).isEqualTo(true);
        assertThat(facts.value("runtime.container_id")).isEqualTo("1e1a9741ab40024fd7b28fbddb553071ad908361c92078e175aa9c6709814ec1");
    }

    @Test
    void dockerInACgroupNamespaceIsNamedByItsHostnameBind() {
        FixtureFacts facts = scan("docker-v2-cgroupns");
        assertThat(facts.value("runtime.name")).isEqualTo("docker");
        assertThat(facts.value("runtime.container_id")).isEqualTo("5f0c3b7e1d2a4b6c8e9f0a1b2c3d4e5f60718293a4b5c6d7e8f9a0b1c2d3e4f5");
        assertThat(facts.evidence("runtime.signs")).contains("cgroup namespace");
    }

    @Test
    void podmanIsNamedByCgroupMountsAndEnvironment() {
        FixtureFacts facts = scan("podman-v1");
        assertThat(facts.value("runtime.name")).isEqualTo("podman");
        assertThat(facts.value("runtime.container_id")).isEqualTo("6424db4cf5cd3ad41cb0d9a506903894bcf9fae72b0c586c50a510dab0f99945");
        assertThat(facts.value("runtime.signs")).asList().anyMatch(s -> ((String) s).contains("container=podman"))
                .anyMatch(s -> ((String) s).contains("/run/.containerenv"));
    }

    @Test
    void kubernetesWinsOverTheEngineUnderIt() {
        FixtureFacts facts = scan("kubernetes-containerd");
        assertThat(facts.value("runtime.name")).isEqualTo("kubernetes");
        assertThat(facts.value("runtime.container_id")).isEqualTo("8b4f6b1f0c2d4e6a8c0e2f4a6b8d0f2a4c6e8a0b2d4f6a8c0e2a4c6e8a0b2d4f");
        assertThat(facts.value("runtime.signs")).asList().anyMatch(s -> ((String) s).startsWith("containerd:"));
    }

    @Test
    void lxcIsNamedByItsEnvironment() {
        assertThat(scan("lxcfs-v2").value("runtime.name")).isEqualTo("lxc");
    }

    @Test
    void bareHostWithAnImagesDockerenvIsNoContainer() {
        FixtureFacts facts = scan("host-hybrid");
        assertThat(facts.value("runtime.name")).isEqualTo("none");
        assertThat(facts.value("runtime.in_container")).isEqualTo(false);
        assertThat(facts.confidence("runtime.in_container")).isEqualTo(Confidence.CERTAIN);
        assertThat(facts.value("runtime.signs")).asList().anyMatch(s -> ((String) s).contains("/.dockerenv"));
        assertThat(facts.evidence("runtime.name")).contains("weak signs alone name no runtime");
        assertThat(facts.observed("runtime.container_id")).isFalse();
    }

    @Test
    void bubblewrapIsNamedByItsPid1() {
        FixtureFacts facts = scan("bwrap-sandbox");
        assertThat(facts.value("runtime.name")).isEqualTo("bubblewrap");
        assertThat(facts.value("runtime.in_container")).isEqualTo(true);
    }

    @Test
    void ownPidNamespaceWithoutSignsIsAnUnknownContainer() {
        FixtureFacts facts = scan("unshare-pid-mount");
        assertThat(facts.value("runtime.name")).isEqualTo("unknown-container");
        assertThat(facts.value("runtime.in_container")).isEqualTo(true);
    }

    @Test
    void malformedCgroupFileLeavesTheOtherSigns() throws Exception {
        Path root = TestFiles.copyTree("fixtures/docker-v2-cgroupns", tmp);
        Files.writeString(root.resolve("proc/self/cgroup"), "nonsense\n");
        FixtureFacts facts = FixtureFacts.of(new RuntimeProbe(), root);
        assertThat(facts.value("runtime.name")).isEqualTo("docker");
        assertThat(facts.evidence("runtime.name")).contains("malformed");
    }

    @Test
    void environmentIsReadOnlyForTheOwnProcess() throws Exception {
        Path root = TestFiles.copyTree("fixtures/lxcfs-v2", tmp);
        Files.move(root.resolve("proc/self"), root.resolve("proc/4242"));
        // the same files as another process's /proc/4242: its container=lxc stays unread
        ProbeContext other = new ProbeContext(root, root.resolve("proc"), root.resolve("proc/4242"), false);
        Facts facts = new Facts(ProbeRunner.run(new RuntimeProbe(), other));
        assertThat(facts.value("runtime.name")).hasValue("unknown-container");
        assertThat(facts.value("runtime.signs").orElseThrow()).asList().noneMatch(s -> ((String) s).contains("container="));
    }
}
