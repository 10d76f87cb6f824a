package io.bulwark.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class IdMappingTest {
    static final RuntimeDefaults DEFAULTS = RuntimeDefaults.load();

    static String subuid(String name) throws Exception {
        return Files.readString(Path.of("src/test/resources/subuid", name));
    }

    @Test
    void rootUsesTheSubordinateRangeOfTheBulwarkUser() throws Exception {
        IdMapping m = IdMapping.choose(0, 0, subuid("with-bulwark"), subuid("with-bulwark"), DEFAULTS);
        assertThat(m.uidMap()).isEqualTo("0 200000 65536\n");
        assertThat(m.gidMap()).isEqualTo("0 200000 65536\n");
        assertThat(m.setgroups()).isNull();
        assertThat(m.containerRoot()).isEqualTo(200000);
    }

    @Test
    void rootWithoutAnEntryUsesTheFixedHighRange() throws Exception {
        IdMapping m = IdMapping.choose(0, 0, subuid("without-bulwark"), "", DEFAULTS);
        assertThat(m.uidMap()).isEqualTo("0 " + DEFAULTS.idRangeStart() + " " + DEFAULTS.idRangeCount() + "\n");
        assertThat(m.source()).contains("fixed range");
        assertThat(m.containerRoot()).isGreaterThan(0);
    }

    @Test
    void anOrdinaryUserMapsOnlyItselfAndDeniesSetgroups() {
        IdMapping m = IdMapping.choose(1000, 1000, "", "", DEFAULTS);
        assertThat(m.uidMap()).isEqualTo("0 1000 1\n");
        assertThat(m.gidMap()).isEqualTo("0 1000 1\n");
        assertThat(m.setgroups()).isEqualTo("deny");
    }
}
