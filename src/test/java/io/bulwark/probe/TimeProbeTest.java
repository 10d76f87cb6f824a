package io.bulwark.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.audit.Fact;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TimeProbeTest {

    static Fact collect(String fixture) {
        return ProbeRunner.run(new TimeProbe(), ProbeContext.fixture(Path.of("src/test/resources/fixtures", fixture))).get(0);
    }

    @Test
    void theInitialTimeNamespaceHasNoOffsets() {
        Fact f = collect("time-initial-namespace");
        assertThat(f.value()).isEqualTo("monotonic 0 0; boottime 0 0");
        assertThat(f.evidence()).contains("no offset");
    }

    @Test
    void aTimeNamespaceShiftsTheClocks() {
        Fact f = collect("time-namespace-with-offsets");
        assertThat(f.value()).isEqualTo("monotonic 3600 0; boottime -100 5");
        assertThat(f.evidence()).contains("shifts");
    }

    @Test
    void malformedOffsetsAreUnobservedWithTheLine() {
        Fact f = collect("time-malformed-offsets");
        assertThat(f.observed()).isFalse();
        assertThat(f.evidence()).contains("'monotonic abc 0'");
    }

    @Test
    void aKernelWithoutTimeNamespacesHasNoOffsetsFile() {
        Fact f = collect("modules-kernel-without-modules");
        assertThat(f.observed()).isFalse();
        assertThat(f.evidence()).contains("5.6");
    }

    @Test
    void liveProbeReadsThisProcessesOffsets() {
        Fact f = ProbeRunner.run(new TimeProbe(), ProbeContext.self()).get(0);
        assertThat(f.observed()).isEqualTo(Files.exists(Path.of("/proc/self/timens_offsets")));
    }
}
