package io.bulwark.diff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class JsonDiffWriterTest {

    @Test
    void writesTheChangesWithBothSides() throws Exception {
        StringWriter out = new StringWriter();
        new JsonDiffWriter().write(DiffFixtures.februaryToMarch(), out);
        JsonNode diff = new ObjectMapper().readTree(out.toString());
        assertThat(diff.path("schema").asText()).isEqualTo("bulwark-diff/1");
        assertThat(diff.path("summary").path("new").asInt()).isEqualTo(2);
        assertThat(diff.path("summary").path("fixed").asInt()).isEqualTo(1);
        assertThat(diff.path("summary").path("changed").asInt()).isEqualTo(2);
        JsonNode pids = diff.path("new").get(1);
        assertThat(pids.path("ruleId").asText()).isEqualTo("T-PIDS-001");
        assertThat(pids.path("before").path("status").asText()).isEqualTo("not-applicable");
        assertThat(pids.path("after").path("severity").asText()).isEqualTo("high");
        assertThat(diff.path("changed").get(1).path("after").isNull()).isTrue();
        assertThat(diff.path("before").path("generatedAt").asText()).isEqualTo("2026-02-01T10:00:00Z");
    }
}
