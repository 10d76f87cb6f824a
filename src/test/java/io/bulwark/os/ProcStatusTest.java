package io.bulwark.os;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ProcStatusTest {

    @Test
    void readsNumbersHexAndIndexedFieldsOfARealStatusFile() throws Exception {
        ProcStatus s = ProcStatus.parse(Files.readString(Path.of("src/test/resources/fixtures/docker-default/proc/self/status")));
        assertThat(s.number("Seccomp")).contains(2L);
        assertThat(s.number("Seccomp_filters")).contains(1L);
        assertThat(s.number("Uid", 1)).contains(0L);
        assertThat(s.hex("CapEff")).contains(0xa80425fbL);
        assertThat(s.field("Speculation_Store_Bypass")).contains("thread force mitigated");
    }

    @Test
    void malformedOrMissingFieldsAreEmptyNotErrors() {
        ProcStatus s = ProcStatus.parse("Uid:\tabc\nCapEff:\tzz\nno colon here\nGid:\t5\n");
        assertThat(s.number("Uid")).isEmpty();
        assertThat(s.hex("CapEff")).isEmpty();
        assertThat(s.number("Gid", 3)).isEmpty();
        assertThat(s.number("Gid")).contains(5L);
        assertThat(s.field("Seccomp")).isEmpty();
    }
}
