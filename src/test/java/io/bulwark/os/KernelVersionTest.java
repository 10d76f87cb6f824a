package io.bulwark.os;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KernelVersionTest {

    @Test
    void readsMajorAndMinorFromARelease() {
        KernelVersion v = KernelVersion.parse("6.18.44-fc-v782\n").orElseThrow();
        assertThat(v.major()).isEqualTo(6);
        assertThat(v.minor()).isEqualTo(18);
        assertThat(v.patch()).isEqualTo(44);
        assertThat(v).hasToString("6.18.44");
    }

    @Test
    void comparesAgainstTheReleaseThatFixedTheMountAndNetworkInodes() {
        assertThat(KernelVersion.parse("6.18.0").orElseThrow().atLeast(6, 18)).isTrue();
        assertThat(KernelVersion.parse("7.0-rc1").orElseThrow().atLeast(6, 18)).isTrue();
        assertThat(KernelVersion.parse("6.17.9").orElseThrow().atLeast(6, 18)).isFalse();
        assertThat(KernelVersion.parse("5.19").orElseThrow().atLeast(6, 18)).isFalse();
    }

    @Test
    void refusesWhatIsNotARelease() {
        assertThat(KernelVersion.parse("not-a-version")).isEmpty();
        assertThat(KernelVersion.parse("")).isEmpty();
        assertThat(KernelVersion.parse("6")).isEmpty();
        assertThat(KernelVersion.parse("99999999999.1")).isEmpty();
    }
}
