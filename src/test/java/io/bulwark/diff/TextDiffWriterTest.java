package io.bulwark.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TextDiffWriterTest {

    @Test
    void listsNewFailuresFixedAndChangedWithASummary() throws Exception {
        StringWriter out = new StringWriter();
        new TextDiffWriter().write(DiffFixtures.februaryToMarch(), out);
        assertThat(out.toString())
                .contains("New failures (2):")
                .contains("HIGH     T-PIDS-001     No pids limit  [self]")
                .contains("status not-applicable -> fail, severity medium -> high")
                .contains("Fixed (1):")
                .contains("Changed (2):")
                .contains("status fail -> absent")
                .endsWith("Summary: 2 new, 1 fixed, 2 changed\n");
    }
}
