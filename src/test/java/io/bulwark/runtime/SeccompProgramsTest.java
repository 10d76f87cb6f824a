package io.bulwark.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class SeccompProgramsTest {
    private static final String DIR = "src/test/resources/runtime/";

    @Test
    void theProfilesFlagsComeWithTheProgram() {
        SeccompPrograms.Program p = new SeccompPrograms().compile(DIR + "profile-with-log-and-spec-allow.json", Set.of());
        assertThat(p.flags()).isEqualTo(2 | 4);
        assertThat(p.bytes().length % 8).isZero();
        assertThat(new SeccompPrograms().compile("default", Set.of()).flags()).isZero();
        assertThat(new SeccompPrograms().compile(SeccompPrograms.UNCONFINED, Set.of()).bytes()).isEmpty();
    }

    @Test
    void aListenerFlagIsRefusedBeforeTheRun() {
        assertThatThrownBy(() -> new SeccompPrograms().compile(DIR + "profile-asking-for-a-listener.json", Set.of()))
                .isInstanceOf(RunFailure.class)
                .hasMessageContaining("asks for SECCOMP_FILTER_FLAG_NEW_LISTENER, which bulwark run does not support");
    }
}
