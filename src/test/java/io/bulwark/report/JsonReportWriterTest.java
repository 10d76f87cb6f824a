package io.bulwark.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bulwark.SampleReports;
import io.bulwark.SchemaCheck;
import io.bulwark.audit.Report;
import java.io.StringWriter;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JsonReportWriterTest {
    private static SchemaCheck schema;

    @BeforeAll
    static void loadSchema() throws Exception {
        schema = new SchemaCheck(SchemaCheck.projectFile("docs/report-schema.json"));
    }

    static Stream<Arguments> reports() {
        return Stream.of(
                Arguments.of("one target, every status", SampleReports.selfOnly()),
                Arguments.of("two targets", SampleReports.selfAndPod()),
                Arguments.of("clean", SampleReports.clean()),
                Arguments.of("waived and expired waiver", SampleReports.waived()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reports")
    void everyReportValidatesAgainstTheDocumentedSchema(String name, Report report) throws Exception {
        assertThat(schema.violations(write(report))).isEmpty();
    }

    @Test
    void theSchemaRefusesFieldsItDoesNotDocument() throws Exception {
        ObjectNode tree = JsonReportWriter.tree(SampleReports.selfOnly());
        ((ObjectNode) tree.path("targets").get(0).path("findings").get(0)).put("undocumented", 1);
        assertThat(schema.violations(tree)).singleElement().asString().contains("undocumented");
    }

    @Test
    void waivedFindingsAreReportedWithTheirWaiverAndNotCountedAsFailed() {
        JsonNode tree = JsonReportWriter.tree(SampleReports.waived());
        JsonNode findings = tree.path("targets").get(0).path("findings");
        JsonNode root = findings.get(0);
        assertThat(root.path("ruleId").asText()).isEqualTo("T-ROOT-001");
        assertThat(root.path("status").asText()).isEqualTo("waived");
        assertThat(root.path("waiver").path("expires").asText()).isEqualTo("2026-12-31");
        assertThat(root.path("waiver").path("expired").asBoolean()).isFalse();
        JsonNode sysAdmin = findings.get(1);
        assertThat(sysAdmin.path("status").asText()).isEqualTo("fail");
        assertThat(sysAdmin.path("waiver").path("expired").asBoolean()).isTrue();
        assertThat(tree.path("summary").path("waived").asInt()).isEqualTo(1);
        assertThat(tree.path("summary").path("fail").asInt()).isEqualTo(3);
        assertThat(tree.path("summary").path("failedBySeverity").path("high").asInt()).isEqualTo(1);
    }

    static String write(Report report) throws Exception {
        StringWriter out = new StringWriter();
        new JsonReportWriter().write(report, out);
        return out.toString();
    }
}
