package io.bulwark.os;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CgroupValueTest {

    @Test
    void maxAndV1PageCounterMaximumMeanUnlimited() {
        assertThat(CgroupValue.limit("max\n")).isEmpty();
        assertThat(CgroupValue.limit("9223372036854771712")).isEmpty();
        assertThat(CgroupValue.limit("-1")).isEmpty();
        assertThat(CgroupValue.limit("64\n")).hasValue(64);
        assertThat(CgroupValue.limit("268435456")).hasValue(268435456);
    }

    @Test
    void limitThatIsNeitherNumberNorMaxIsRefused() {
        assertThatThrownBy(() -> CgroupValue.limit("lots")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lots");
        assertThatThrownBy(() -> CgroupValue.number("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void quotaOverPeriodIsMillicpus() {
        assertThat(CgroupValue.millicpus("50000", "100000")).hasValue(500);
        assertThat(CgroupValue.millicpus("-1", "100000")).isEmpty();
        assertThat(CgroupValue.cpuMax("200000 100000")).hasValue(2000);
        assertThat(CgroupValue.cpuMax("max 100000\n")).isEmpty();
    }

    @Test
    void malformedCpuMaxIsRefused() {
        assertThatThrownBy(() -> CgroupValue.cpuMax("max")).hasMessageContaining("QUOTA PERIOD");
        assertThatThrownBy(() -> CgroupValue.cpuMax("100 0")).hasMessageContaining("not positive");
    }
}
