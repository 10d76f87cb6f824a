package io.bulwark.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.os.CgroupMembership;
import org.junit.jupiter.api.Test;

class RuntimeSignsTest {

    @Test
    void theExecutorsCgroupNamesBulwarkWithTheSupervisorsPid() {
        assertThat(RuntimeSigns.fromCgroups(CgroupMembership.parse("8:pids:/bulwark-4242\n0::/\n")))
                .extracting(RuntimeSigns.Sign::runtime, RuntimeSigns.Sign::id)
                .contains(org.assertj.core.groups.Tuple.tuple("bulwark", "4242"));
    }

    @Test
    void aRuncContainerWhoseIdStartsWithBulwarkIsNotTakenForBulwark() {
        assertThat(RuntimeSigns.fromCgroups(CgroupMembership.parse("8:pids:/bulwark-web\n0::/\n")))
                .extracting(RuntimeSigns.Sign::runtime).doesNotContain("bulwark");
    }
}
