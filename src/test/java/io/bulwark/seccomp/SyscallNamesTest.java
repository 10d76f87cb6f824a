package io.bulwark.seccomp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.InputException;
import org.junit.jupiter.api.Test;

class SyscallNamesTest {

    @Test
    void aKnownNameOnAnyArchitectureIsAccepted() {
        assertThat(SyscallNames.require("vm86")).isEqualTo("vm86");
        assertThat(SyscallNames.require("openat")).isEqualTo("openat");
    }

    @Test
    void anUnknownNameIsRefusedWithTheClosestNames() {
        assertThatThrownBy(() -> SyscallNames.require("persnality")).isInstanceOf(InputException.class)
                .hasMessageStartingWith("'persnality' is not a syscall on x86_64, x86, x32, aarch64, arm; did you mean personality")
                .hasMessageNotContaining("\n");
    }
}
