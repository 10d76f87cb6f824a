package io.bulwark.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    @Test
    void rootWritesExplicitRangesForUidsAndGids() {
        IdMapping m = IdMapping.explicit(List.of(IdRange.parse("u:1000:300000:10"), IdRange.parse("u:0:400000:1"),
                IdRange.parse("g:0:500000:65536")), 0, 0);
        assertThat(m.uidMap()).isEqualTo("1000 300000 10\n0 400000 1\n");
        assertThat(m.gidMap()).isEqualTo("0 500000 65536\n");
        assertThat(m.containerRoot()).isEqualTo(400000);
        assertThat(m.mapsUid(1009)).isTrue();
        assertThat(m.mapsUid(1010)).isFalse();
        assertThat(m.setgroups()).isNull();
    }

    @Test
    void rangesTheKernelWouldRefuseAreRefusedWithTheReason() {
        assertThatThrownBy(() -> IdMapping.explicit(List.of(IdRange.parse("0:300000:100"), IdRange.parse("50:900000:1")), 0, 0))
                .isInstanceOf(RunFailure.class).hasMessageContaining("overlaps --map 0:300000:100");
        assertThatThrownBy(() -> IdMapping.explicit(List.of(IdRange.parse("0:300000:100"), IdRange.parse("200:300050:1")), 0, 0))
                .isInstanceOf(RunFailure.class).hasMessageContaining("overlaps");
        assertThatThrownBy(() -> IdMapping.explicit(List.of(IdRange.parse("u:0:300000:100")), 0, 0))
                .isInstanceOf(RunFailure.class).hasMessageContaining("container gid 0 is not mapped");
    }

    @Test
    void anOrdinaryUserMayWriteOnlyItsOwnId() {
        IdMapping own = IdMapping.explicit(List.of(IdRange.parse("u:0:1000:1"), IdRange.parse("g:0:100:1")), 1000, 100);
        assertThat(own.uidMap()).isEqualTo("0 1000 1\n");
        assertThat(own.gidMap()).isEqualTo("0 100 1\n");
        assertThat(own.setgroups()).isEqualTo("deny");
        assertThatThrownBy(() -> IdMapping.explicit(List.of(IdRange.parse("0:100000:65536")), 1000, 1000))
                .isInstanceOf(RunFailure.class)
                .hasMessage("--map 0:100000:65536: run by uid 1000, the kernel lets only the line 0:1000:1 be written"
                        + " (an ordinary user maps just its own uid); other ranges need root");
    }

    @Test
    void malformedMapsAreBadInput() {
        for (String bad : List.of("0:1", "x:1:1", "0:1:0", "4294967295:0:2", "v:0:1:1")) {
            assertThatThrownBy(() -> IdRange.parse(bad)).as(bad).isInstanceOf(io.bulwark.InputException.class)
                    .hasMessageStartingWith("--map " + bad + ": ");
        }
    }
}
