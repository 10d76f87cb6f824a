package io.bulwark.os;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CapabilityTest {

    @Test
    void dockerDefaultMaskNamesDockersFourteen() {
        assertThat(Capability.names(0xa80425fbL)).containsExactly("CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL",
                "SETGID", "SETUID", "SETPCAP", "NET_BIND_SERVICE", "NET_RAW", "SYS_CHROOT", "MKNOD", "AUDIT_WRITE", "SETFCAP");
    }

    @Test
    void bitsBeyondTheTableAreNamedByNumber() {
        assertThat(Capability.names(1L << 45)).containsExactly("bit_45");
        assertThat(Capability.CHECKPOINT_RESTORE.bit()).isEqualTo(40);
        assertThat(Capability.parse("cap_sys_admin")).contains(Capability.SYS_ADMIN);
    }
}
