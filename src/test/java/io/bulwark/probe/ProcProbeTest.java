package io.bulwark.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.TestFiles;
import io.bulwark.audit.Confidence;
import io.bulwark.audit.FactSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcProbeTest {
    @TempDir
    Path tmp;

    private FixtureFacts scan(Path root) {
        return FixtureFacts.of(new ProcProbe(), root);
    }

    @Test
    void declaresTheFactNamesOthersTestAgainst() {
        assertThat(new ProcProbe().facts()).extracting(FactSpec::name).containsExactlyInAnyOrder(
                "proc.acpi.readable", "proc.asound.readable", "proc.interrupts.readable", "proc.kcore.readable",
                "proc.keys.readable", "proc.latency_stats.readable", "proc.sched_debug.readable", "proc.scsi.readable",
                "proc.timer_list.readable", "proc.timer_stats.readable",
                "proc.sys.writable", "proc.sysrq_trigger.writable", "proc.irq.writable", "proc.bus.writable", "proc.fs.writable");
    }

    @Test
    void dockerDefaultMasksAndReadOnlyPathsAreClosed() {
        Path root = TestFiles.copyTree("fixtures/docker-v1-limits", tmp);
        TestFiles.emptyDirs(root, List.of("proc/acpi"));
        FixtureFacts facts = scan(root);

        assertThat(facts.value("proc.keys.readable")).isEqualTo(false);
        assertThat(facts.evidence("proc.keys.readable")).contains("masked", "/dev/null", "mount 54");
        assertThat(facts.value("proc.timer_list.readable")).isEqualTo(false);
        assertThat(facts.value("proc.acpi.readable")).isEqualTo(false);
        assertThat(facts.evidence("proc.acpi.readable")).contains("empty read-only tmpfs");
        assertThat(facts.value("proc.kcore.readable")).isEqualTo(false);
        assertThat(facts.evidence("proc.kcore.readable")).startsWith("absent");
        // this Docker does not mask /proc/interrupts
        assertThat(facts.value("proc.interrupts.readable")).isEqualTo(true);

        for (String path : List.of("sys", "irq", "bus", "fs")) {
            assertThat(facts.value("proc." + path + ".writable")).as(path).isEqualTo(false);
            assertThat(facts.evidence("proc." + path + ".writable")).as(path).contains("read-only mount");
        }
        assertThat(facts.evidence("proc.sysrq_trigger.writable")).startsWith("absent");
    }

    @Test
    void kcoreBehindDevNullAndReadOnlySysrqTriggerOnCgroupV2Docker() {
        Path root = TestFiles.copyTree("fixtures/docker-v2-cgroupns", tmp);
        TestFiles.emptyDirs(root, List.of("proc/acpi", "proc/scsi"));
        FixtureFacts facts = scan(root);
        assertThat(facts.value("proc.kcore.readable")).isEqualTo(false);
        assertThat(facts.evidence("proc.kcore.readable")).contains("/dev/null");
        assertThat(facts.value("proc.scsi.readable")).isEqualTo(false);
        assertThat(facts.value("proc.sysrq_trigger.writable")).isEqualTo(false);
        assertThat(facts.evidence("proc.sysrq_trigger.writable")).contains("read-only mount", "/sysrq-trigger");
    }

    @Test
    void bareHostLeavesEverythingOpen() {
        FixtureFacts facts = scan(TestFiles.copyTree("fixtures/host-hybrid", tmp));
        assertThat(facts.value("proc.keys.readable")).isEqualTo(true);
        assertThat(facts.value("proc.acpi.readable")).isEqualTo(true);
        assertThat(facts.confidence("proc.keys.readable")).isEqualTo(Confidence.CERTAIN);
        assertThat(facts.value("proc.sys.writable")).isEqualTo(true);
        assertThat(facts.evidence("proc.sys.writable")).contains("/proc/sys/kernel/core_pattern", "mount 22");
        assertThat(facts.value("proc.irq.writable")).isEqualTo(true);
        assertThat(facts.value("proc.bus.writable")).isEqualTo(true);
        assertThat(facts.value("proc.fs.writable")).isEqualTo(true);
    }

    @Test
    void aReadOnlyTmpfsWithContentIsNotAMask() throws Exception {
        Path root = TestFiles.copyTree("fixtures/docker-v1-limits", tmp);
        Files.createDirectories(root.resolve("proc/acpi"));
        Files.writeString(root.resolve("proc/acpi/wakeup"), "x");
        assertThat(scan(root).value("proc.acpi.readable")).isEqualTo(true);
    }

    @Test
    void filesWithoutAnyWriteBitDoNotMakeATreeWritable() throws Exception {
        // root passes access(W_OK) on a 0444 file, but procfs gives such files no write handler
        Path root = TestFiles.copyTree("fixtures/host-hybrid", tmp);
        try (Stream<Path> files = Files.walk(root.resolve("proc/sys"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
            }
        }
        FixtureFacts facts = scan(root);
        assertThat(facts.value("proc.sys.writable")).isEqualTo(false);
        assertThat(facts.evidence("proc.sys.writable")).contains("no file with a write bit");
    }

    @Test
    void malformedMountinfoStillJudgesReadabilityButLessSurely() throws Exception {
        Path root = TestFiles.copyTree("fixtures/host-hybrid", tmp);
        Files.writeString(root.resolve("proc/self/mountinfo"), "this is not a mount table\n");
        FixtureFacts facts = scan(root);
        assertThat(facts.value("proc.keys.readable")).isEqualTo(true);
        assertThat(facts.confidence("proc.keys.readable")).isEqualTo(Confidence.LIKELY);
        assertThat(facts.evidence("proc.keys.readable")).contains("malformed");
        assertThat(facts.confidence("proc.sys.writable")).isEqualTo(Confidence.LIKELY);
    }

    @Test
    void missingMountinfoIsSaidInTheEvidence() throws Exception {
        Path root = TestFiles.copyTree("fixtures/host-hybrid", tmp);
        Files.delete(root.resolve("proc/self/mountinfo"));
        assertThat(scan(root).evidence("proc.timer_list.readable")).contains("cannot read");
    }
}
