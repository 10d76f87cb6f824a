package io.bulwark.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.TestFiles;
import io.bulwark.audit.FactSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SysProbeTest {
    @TempDir
    Path tmp;

    private FixtureFacts scan(Path root) {
        return FixtureFacts.of(new SysProbe(), root);
    }

    @Test
    void declaresTheFactNamesOthersTestAgainst() {
        assertThat(new SysProbe().facts()).extracting(FactSpec::name).containsExactly(
                "sys.writable", "sys.firmware.exposed", "sys.powercap.exposed", "sys.kernel.exposed");
    }

    @Test
    void dockerMountsSysReadOnlyAndMasksFirmwareButLeavesKernel() {
        Path root = TestFiles.copyTree("fixtures/docker-v1-limits", tmp);
        TestFiles.emptyDirs(root, List.of("sys/firmware"));
        FixtureFacts facts = scan(root);
        assertThat(facts.value("sys.writable")).isEqualTo(false);
        assertThat(facts.evidence("sys.writable")).contains("read-only mount");
        assertThat(facts.value("sys.firmware.exposed")).isEqualTo(false);
        assertThat(facts.evidence("sys.firmware.exposed")).contains("masked");
        assertThat(facts.value("sys.powercap.exposed")).isEqualTo(false);
        assertThat(facts.evidence("sys.powercap.exposed")).startsWith("absent");
        assertThat(facts.value("sys.kernel.exposed")).isEqualTo(true);
    }

    @Test
    void cgroupV2DockerMasksPowercap() {
        Path root = TestFiles.copyTree("fixtures/docker-v2-cgroupns", tmp);
        TestFiles.emptyDirs(root, List.of("sys/firmware", "sys/devices/virtual/powercap"));
        FixtureFacts facts = scan(root);
        assertThat(facts.value("sys.powercap.exposed")).isEqualTo(false);
        assertThat(facts.evidence("sys.powercap.exposed")).contains("masked", "mount 565");
    }

    @Test
    void bareHostSysfsIsWritableAndExposed() {
        FixtureFacts facts = scan(TestFiles.copyTree("fixtures/host-hybrid", tmp));
        assertThat(facts.value("sys.writable")).isEqualTo(true);
        assertThat(facts.evidence("sys.writable")).contains("/sys/power/state");
        assertThat(facts.value("sys.firmware.exposed")).isEqualTo(true);
        assertThat(facts.evidence("sys.firmware.exposed")).contains("acpi");
        assertThat(facts.value("sys.kernel.exposed")).isEqualTo(true);
    }

    @Test
    void directoryWithoutSysfsMountIsNotWritableSysfs() throws Exception {
        Path root = TestFiles.copyTree("fixtures/host-hybrid", tmp);
        Files.writeString(root.resolve("proc/self/mountinfo"), "27 1 254:0 / / rw,relatime - ext4 /dev/vda rw\n");
        FixtureFacts facts = scan(root);
        assertThat(facts.value("sys.writable")).isEqualTo(false);
        assertThat(facts.evidence("sys.writable")).contains("no sysfs");
    }

    @Test
    void emptyDirectoryIsNotExposed() throws Exception {
        Path root = TestFiles.copyTree("fixtures/docker-v1-limits", tmp);
        TestFiles.emptyDirs(root, List.of("sys/devices/virtual/powercap"));
        FixtureFacts facts = scan(root);
        assertThat(facts.value("sys.powercap.exposed")).isEqualTo(false);
        assertThat(facts.evidence("sys.powercap.exposed")).contains("is empty");
    }
}
