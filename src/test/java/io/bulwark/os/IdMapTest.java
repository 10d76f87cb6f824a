package io.bulwark.os;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IdMapTest {

    @Test
    void initialNamespaceMapIsIdentity() {
        IdMap map = IdMap.parse("         0          0 4294967295\n");
        assertThat(map.isIdentity()).isTrue();
        assertThat(map.toHost(0)).isZero();
    }

    @Test
    void remappedRangesTranslateAndUnmappedIdsAreMinusOne() {
        IdMap map = IdMap.parse("0 100000 65536\n65536 1000 1\n");
        assertThat(map.isIdentity()).isFalse();
        assertThat(map.toHost(0)).isEqualTo(100000);
        assertThat(map.toHost(65535)).isEqualTo(165535);
        assertThat(map.toHost(65536)).isEqualTo(1000);
        assertThat(map.toHost(65537)).isEqualTo(-1);
        assertThat(map).hasToString("0 100000 65536; 65536 1000 1");
    }

    @Test
    void emptyMapMapsNothing() {
        assertThat(IdMap.parse("").toHost(0)).isEqualTo(-1);
    }

    @Test
    void malformedLinesAreRejectedWithTheLine() {
        assertThatThrownBy(() -> IdMap.parse("0 0\n")).hasMessageContaining("'0 0'");
        assertThatThrownBy(() -> IdMap.parse("zero 0 1\n")).hasMessageContaining("not numeric");
    }
}
