package io.bulwark.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class HtmlDiffWriterTest {

    @Test
    void aSelfContainedPageWithTheCountsAndTheChanges() throws Exception {
        StringWriter out = new StringWriter();
        new HtmlDiffWriter().write(DiffFixtures.februaryToMarch(), out);
        assertThat(out.toString())
                .contains("<strong>NEW FAILURES</strong>")
                .contains("data-count=\"new\">2<").contains("data-count=\"fixed\">1<").contains("data-count=\"changed\">2<")
                .contains("T-PIDS-001").contains("No pids limit")
                .doesNotContainPattern("(?i)<link\\b|<script[^>]+src=");
    }
}
