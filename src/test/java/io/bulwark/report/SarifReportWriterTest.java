package io.bulwark.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bulwark.SampleReports;
import io.bulwark.SchemaCheck;
import io.bulwark.audit.Report;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SarifReportWriterTest {

    static JsonNode sarif(Report report) throws Exception {
        StringWriter out = new StringWriter();
        new SarifReportWriter().write(report, out);
        return new ObjectMapper().readTree(out.toString());
    }

    static List<JsonNode> list(JsonNode array) {
        List<JsonNode> nodes = new ArrayList<>();
        array.forEach(nodes::add);
        return nodes;
    }

    @Tag("anchors")
    @ParameterizedTest
    @ValueSource(strings = {"selfOnly", "selfAndPod", "clean", "waived"})
    void validatesAgainstTheSarif210Schema(String sample) throws Exception {
        Report report = (Report) SampleReports.class.getMethod(sample).invoke(null);
        SchemaCheck schema = new SchemaCheck(SchemaCheck.sharedFile("anchors/sarif-schema-2.1.0.json"));
        assertThat(schema.violations(sarif(report))).isEmpty();
    }

    @Tag("anchors")
    @Test
    void theSchemaCheckCatchesAnInvalidLevel() throws Exception {
        JsonNode doc = sarif(SampleReports.selfOnly());
        ((com.fasterxml.jackson.databind.node.ObjectNode) doc.path("runs").get(0).path("results").get(0)).put("level", "fatal");
        SchemaCheck schema = new SchemaCheck(SchemaCheck.sharedFile("anchors/sarif-schema-2.1.0.json"));
        assertThat(schema.violations(doc)).isNotEmpty();
    }

    @Test
    void theDriverListsEveryRuleOnceWithHelpLevelAndCodeScanningSeverity() throws Exception {
        JsonNode driver = sarif(SampleReports.selfAndPod()).path("runs").get(0).path("tool").path("driver");
        assertThat(driver.path("name").asText()).isEqualTo("bulwark");
        assertThat(driver.path("version").asText()).isEqualTo(SampleReports.VERSION);
        List<JsonNode> rules = list(driver.path("rules"));
        assertThat(rules).extracting(r -> r.path("id").asText())
                .containsExactly("T-ROOT-001", "T-CAP-001", "T-CAP-002", "T-PIDS-001", "T-SECCOMP-001");
        JsonNode sysAdmin = rules.get(1);
        assertThat(sysAdmin.path("shortDescription").path("text").asText()).isEqualTo("CAP_SYS_ADMIN is effective");
        assertThat(sysAdmin.path("fullDescription").path("text").asText()).isEqualTo("SYS_ADMIN is the new root.");
        assertThat(sysAdmin.path("help").path("text").asText()).startsWith("Fix: Drop SYS_ADMIN: docker run --cap-drop ALL")
                .contains("CIS Docker Benchmark: 5.4");
        assertThat(sysAdmin.path("defaultConfiguration").path("level").asText()).isEqualTo("error");
        assertThat(sysAdmin.path("properties").path("security-severity").asText()).isEqualTo("9.5");
        assertThat(list(sysAdmin.path("properties").path("tags"))).extracting(JsonNode::asText).contains("capabilities");
        assertThat(rules.get(2).path("defaultConfiguration").path("level").asText()).isEqualTo("note");
        assertThat(rules.get(3).path("defaultConfiguration").path("level").asText()).isEqualTo("warning");
    }

    @Test
    void oneResultPerFailedFindingPointingAtTheRuleItBreaks() throws Exception {
        JsonNode run = sarif(SampleReports.selfAndPod()).path("runs").get(0);
        List<JsonNode> results = list(run.path("results"));
        assertThat(results).extracting(r -> r.path("ruleId").asText())
                .containsExactly("T-ROOT-001", "T-CAP-001", "T-CAP-002", "T-SECCOMP-001", "T-CAP-001");
        for (JsonNode r : results) {
            JsonNode rule = run.path("tool").path("driver").path("rules").get(r.path("ruleIndex").asInt());
            assertThat(rule.path("id").asText()).isEqualTo(r.path("ruleId").asText());
            assertThat(r.path("level").asText()).isEqualTo(rule.path("defaultConfiguration").path("level").asText());
        }
        assertThat(results.get(1).path("message").path("text").asText())
                .contains("caps.effective = CHOWN,SYS_ADMIN").contains("Fix: Drop SYS_ADMIN");
    }

    @Test
    void aConfigTargetIsTheFileAndAnyOtherTargetALogicalLocation() throws Exception {
        List<JsonNode> results = list(sarif(SampleReports.selfAndPod()).path("runs").get(0).path("results"));
        JsonNode self = results.get(0).path("locations").get(0);
        assertThat(self.has("physicalLocation")).isFalse();
        assertThat(self.path("logicalLocations").get(0).path("fullyQualifiedName").asText()).isEqualTo("self:self");
        assertThat(self.path("logicalLocations").get(0).path("name").asText()).contains("hostname ci-7");

        JsonNode artifact = results.get(4).path("locations").get(0).path("physicalLocation").path("artifactLocation");
        assertThat(artifact.path("uri").asText()).isEqualTo("deploy/pod.yaml");
        assertThat(artifact.path("uriBaseId").asText()).isEqualTo("%SRCROOT%");
    }

    @Test
    void fingerprintsDifferByTargetAndStayTheSameAcrossRuns() throws Exception {
        List<JsonNode> first = list(sarif(SampleReports.selfAndPod()).path("runs").get(0).path("results"));
        List<JsonNode> again = list(sarif(SampleReports.selfAndPod()).path("runs").get(0).path("results"));
        assertThat(first.get(1).path("partialFingerprints")).isEqualTo(again.get(1).path("partialFingerprints"));
        assertThat(first.get(1).path("partialFingerprints")).isNotEqualTo(first.get(4).path("partialFingerprints"));
    }

    @Test
    void aWaivedFindingIsAnAcceptedSuppressionAndAnExpiredOneIsNot() throws Exception {
        List<JsonNode> results = list(sarif(SampleReports.waived()).path("runs").get(0).path("results"));
        JsonNode root = results.get(0);
        assertThat(root.path("ruleId").asText()).isEqualTo("T-ROOT-001");
        assertThat(root.path("suppressions").get(0).path("status").asText()).isEqualTo("accepted");
        assertThat(root.path("suppressions").get(0).path("justification").asText()).contains("CI runners are root by design");
        JsonNode sysAdmin = results.get(1);
        assertThat(sysAdmin.has("suppressions")).isFalse();
        assertThat(sysAdmin.path("message").path("text").asText()).contains("The waiver expired on 2026-01-31");
    }

    @Test
    void aCleanReportHasNoResults() throws Exception {
        assertThat(sarif(SampleReports.clean()).path("runs").get(0).path("results").size()).isZero();
    }
}
