package io.bulwark.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlanEncoderTest {

    @Test
    void encodesTheSharedVectorByteForByte() {
        assertThat(PlanEncoder.encode(PlanVectors.everyRecord())).isEqualTo(PlanVectors.read("every-record.plan"));
    }

    @Test
    void headerCarriesMagicVersionAndBodyLength() {
        byte[] b = PlanEncoder.encode(PlanVectors.everyRecord());
        assertThat(new String(b, 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("BWPL");
        assertThat(b[4]).isEqualTo((byte) PlanEncoder.VERSION);
        int body = (b[8] & 0xff) | (b[9] & 0xff) << 8 | (b[10] & 0xff) << 16 | (b[11] & 0xff) << 24;
        assertThat(body).isEqualTo(b.length - 12);
    }

    @Test
    void refusesAStringWithANulByte() {
        Plan p = PlanVectors.everyRecord();
        Plan bad = new Plan(p.namespaces(), p.uidMap(), p.gidMap(), p.setgroups(), p.cgroups(), p.mounts(),
                p.hostname(), p.rlimits(), p.uid(), p.gid(), p.groups(), p.capBounding(), p.capEffective(),
                p.seccomp(), p.seccompFlags(), p.env(), List.of("/bin/echo", "a\0b"), p.cwd());
        assertThatThrownBy(() -> PlanEncoder.encode(bad)).hasMessageContaining("NUL");
    }
}
