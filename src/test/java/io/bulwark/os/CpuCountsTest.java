package io.bulwark.os;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.TestFiles;
import org.junit.jupiter.api.Test;

class CpuCountsTest {

    @Test
    void countsCpuListsWithRangesAndSingles() {
        assertThat(CpuCounts.inList("0-1\n")).isEqualTo(2);
        assertThat(CpuCounts.inList("0-3,8,10-11")).isEqualTo(7);
        assertThat(CpuCounts.inList("0-3,2-5")).isEqualTo(6);
        assertThat(CpuCounts.inList("")).isZero();
    }

    @Test
    void malformedCpuListIsRefused() {
        assertThatThrownBy(() -> CpuCounts.inList("0-")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CpuCounts.inList("3-1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CpuCounts.inList("a")).hasMessageContaining("'a'");
    }

    @Test
    void countsCpuLinesOfProcStatButNotTheTotal() {
        assertThat(CpuCounts.inStat(TestFiles.text("fixtures/host-hybrid/proc/stat"))).isEqualTo(2);
        assertThat(CpuCounts.inStat(TestFiles.text("fixtures/docker-v2-cgroupns/proc/stat"))).isEqualTo(4);
        assertThatThrownBy(() -> CpuCounts.inStat("intr 1 2\n")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void countsProcessorEntriesOfCpuinfo() {
        assertThat(CpuCounts.inCpuinfo(TestFiles.text("fixtures/lxcfs-v2/proc/cpuinfo"))).isEqualTo(1);
        assertThat(CpuCounts.inCpuinfo(TestFiles.text("fixtures/docker-v2-cgroupns/proc/cpuinfo"))).isEqualTo(4);
        assertThatThrownBy(() -> CpuCounts.inCpuinfo("model name : x\n")).isInstanceOf(IllegalArgumentException.class);
    }
}
