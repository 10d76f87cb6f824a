package io.bulwark.os;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class KernelFileTest {

    @Test
    void readsSysctlFilesWhole() throws Exception {
        // Files.readString gives "4" for cap_last_cap's "40\n" here; cat reads the whole value.
        Process cat = new ProcessBuilder("cat", "/proc/sys/kernel/cap_last_cap").start();
        String expected = new String(cat.getInputStream().readAllBytes());
        assertThat(cat.waitFor()).isZero();
        assertThat(KernelFile.read(Path.of("/proc/sys/kernel/cap_last_cap"))).isEqualTo(expected);
    }
}
