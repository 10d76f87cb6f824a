package io.bulwark.probe;

import static io.bulwark.probe.UserProbeTest.collect;
import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.audit.Fact;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CapabilityProbeTest {

    @Test
    void dockerDefaultSetsAreNamedAndTheBoundingSetIsNotFull() {
        Map<String, Fact> f = collect(new CapabilityProbe(), "docker-default");
        assertThat(f.get("caps.effective").value()).asList().contains("NET_RAW", "MKNOD").doesNotContain("SYS_ADMIN");
        assertThat(f.get("caps.ambient").value()).asList().isEmpty();
        assertThat(f.get("caps.last_cap").value()).isEqualTo(40L);
        assertThat(f.get("caps.missing_from_bounding").value()).asList().contains("SYS_ADMIN", "SYS_MODULE", "BPF");
    }

    @Test
    void hostSetLacksOnlyWhatTheBoundingMaskLacks() {
        Map<String, Fact> f = collect(new CapabilityProbe(), "host-root");
        assertThat(f.get("caps.effective").value()).asList().contains("SYS_ADMIN", "CHECKPOINT_RESTORE");
        assertThat(f.get("caps.missing_from_bounding").value()).asList().containsExactly("SYS_RESOURCE");
    }
}
