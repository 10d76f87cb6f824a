package io.bulwark.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.InputException;
import io.bulwark.SampleReports;
import io.bulwark.SchemaCheck;
import io.bulwark.audit.Baseline;
import io.bulwark.audit.FindingStatus;
import io.bulwark.audit.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonReportReaderTest {

    @Test
    void readsBackWhatTheWriterWrote(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("r.json");
        Files.writeString(file, JsonReportWriterTest.write(SampleReports.waived()));
        SavedReport saved = JsonReportReader.read(file);
        assertThat(saved.version()).isEqualTo(SampleReports.VERSION);
        assertThat(saved.generatedAt()).isEqualTo("2026-03-01T10:00:00Z");
        assertThat(saved.findings()).hasSize(5);
        SavedReport.Entry root = saved.findings().get(0);
        assertThat(root.ruleId()).isEqualTo("T-ROOT-001");
        assertThat(root.status()).isEqualTo(FindingStatus.WAIVED);
        assertThat(root.severity()).isEqualTo(Severity.HIGH);
        assertThat(root.target().id()).isEqualTo("self");
    }

    @Test
    void theBaselineIsTheFailedAndWaivedFindings(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("r.json");
        Files.writeString(file, JsonReportWriterTest.write(SampleReports.selfAndPod()));
        assertThat(JsonReportReader.read(file).baseline().known()).containsExactlyInAnyOrder(
                new Baseline.Key("T-ROOT-001", "self"), new Baseline.Key("T-CAP-001", "self"), new Baseline.Key("T-CAP-002", "self"),
                new Baseline.Key("T-SECCOMP-001", "self"), new Baseline.Key("T-CAP-001", "deploy/pod.yaml"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"february.json", "march-two-new-failures.json"})
    void theHandWrittenFixturesAreValidReports(String name) throws Exception {
        SchemaCheck schema = new SchemaCheck(SchemaCheck.projectFile("docs/report-schema.json"));
        assertThat(schema.violations(Files.readString(Path.of("src/test/resources/reports", name)))).isEmpty();
    }

    @Test
    void anUnknownSeverityNamesWhereItIs(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("r.json");
        Files.writeString(file, JsonReportWriterTest.write(SampleReports.selfOnly()).replace("\"severity\" : \"low\"", "\"severity\" : \"dire\""));
        assertThatThrownBy(() -> JsonReportReader.read(file)).isInstanceOf(InputException.class)
                .hasMessage(file + ": targets[0].findings[2]: unknown severity 'dire' (expected one of critical, high, medium, low, info)");
    }
}
