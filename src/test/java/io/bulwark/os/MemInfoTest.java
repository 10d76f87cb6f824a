package io.bulwark.os;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.TestFiles;
import org.junit.jupiter.api.Test;

class MemInfoTest {

    @Test
    void kilobyteCountersBecomeBytesAndPlainCountsStay() {
        MemInfo info = MemInfo.parse(TestFiles.text("fixtures/host-hybrid/proc/meminfo"));
        assertThat(info.bytes("MemTotal")).hasValue(24683656L * 1024);
        assertThat(info.bytes("HugePages_Total")).hasValue(0L);
        assertThat(info.bytes("Nope")).isEmpty();
    }

    @Test
    void nonNumericValueIsRefused() {
        assertThatThrownBy(() -> MemInfo.parse(TestFiles.text("os/meminfo/malformed-value.txt")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("meminfo line 1");
    }

    @Test
    void lineWithoutKeyIsRefused() {
        assertThatThrownBy(() -> MemInfo.parse(TestFiles.text("os/meminfo/malformed-no-key.txt"))).hasMessageContaining("Key:");
    }
}
