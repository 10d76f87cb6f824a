package io.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bulwark.SchemaCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScanCommandTest {
    private static final String TEST_RULES = "src/test/resources/rules/always-fails";
    private static final String WAIVERS = "src/test/resources/waivers/";

    @TempDir
    Path dir;

    static JsonNode json(Path file) throws Exception {
        return new ObjectMapper().readTree(file.toFile());
    }

    static JsonNode finding(JsonNode report, String ruleId) {
        for (JsonNode f : report.path("targets").get(0).path("findings")) {
            if (f.path("ruleId").asText().equals(ruleId)) {
                return f;
            }
        }
        throw new AssertionError(ruleId + " not in the report");
    }

    @Test
    void severalFormatsGoToTheOutputDirectoryUnderNamesThatSayWhatTheyAre() throws Exception {
        Path out = dir.resolve("reports");
        CliRun run = CliRun.of("scan", "--format", "text,json,html,sarif,junit", "--out-dir", out.toString());
        assertThat(run.exit()).isZero();
        assertThat(out.resolve("bulwark-report.txt")).isNotEmptyFile();
        assertThat(out.resolve("bulwark-report.html")).content().startsWith("<!DOCTYPE html>");
        assertThat(out.resolve("bulwark-report.sarif")).content().contains("\"version\" : \"2.1.0\"");
        assertThat(out.resolve("bulwark-junit.xml")).content().contains("<testsuites");
        assertThat(new SchemaCheck(SchemaCheck.projectFile("docs/report-schema.json")).violations(json(out.resolve("bulwark-report.json"))))
                .isEmpty();
        assertThat(run.err()).contains("wrote " + out.resolve("bulwark-report.txt"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--format json,sarif                          | several formats need --out-dir DIR",
        "--format json --out a.json --out-dir reports | --out and --out-dir: give one",
        "--format pdf                                 | unknown format 'pdf'",
        "--out no/such/dir/report.txt                 | does not exist; create it first"})
    void contradictoryOutputOptionsAreOneLineAndExit2(String args, String message) {
        CliRun run = CliRun.of(("scan " + args).split(" "));
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains(message);
        assertThat(run.err().lines().filter(l -> l.startsWith("bulwark:"))).hasSize(1);
    }

    @Test
    void aWaivedFindingIsReportedWaivedAndDoesNotFailTheGate() throws Exception {
        Path base = dir.resolve("waived.json");
        CliRun run = CliRun.of("scan", "--rules", TEST_RULES, "--waivers", WAIVERS + "always-fails-waived.yaml",
                "--format", "json", "--out", base.toString());
        assertThat(run.exit()).isZero();
        JsonNode always = finding(json(base), "T-ALWAYS-001");
        assertThat(always.path("status").asText()).isEqualTo("waived");
        assertThat(always.path("waiver").path("reason").asText()).isEqualTo("a test rule, accepted");
    }

    @Test
    void anExpiredWaiverWarnsAndTheFindingFailsAgainSayingWhen() throws Exception {
        Path report = dir.resolve("expired.json");
        CliRun run = CliRun.of("scan", "--rules", TEST_RULES, "--waivers", WAIVERS + "always-fails-expired.yaml",
                "--format", "json", "--out", report.toString());
        assertThat(run.err()).contains("bulwark: warning: the waiver of T-ALWAYS-001 for '*' expired on 2001-01-01");
        JsonNode always = finding(json(report), "T-ALWAYS-001");
        assertThat(always.path("status").asText()).isEqualTo("fail");
        assertThat(always.path("waiver").path("expired").asBoolean()).isTrue();
    }

    @Test
    void withABaselineTheGateFailsOnlyOnWhatIsNew() throws Exception {
        CliRun without = CliRun.of("scan", "--rules", TEST_RULES, "--fail-on", "high", "--format", "json",
                "--out", dir.resolve("first.json").toString());
        assertThat(without.exit()).isEqualTo(1);
        assertThat(without.err()).contains("gate failed");

        CliRun with = CliRun.of("scan", "--rules", TEST_RULES, "--fail-on", "high", "--baseline", dir.resolve("first.json").toString(),
                "--format", "json", "--out", dir.resolve("second.json").toString());
        assertThat(with.exit()).isZero();
        assertThat(with.err()).contains("are in the baseline").doesNotContain("gate failed");

        // A baseline from before the test rule existed does not know its finding.
        CliRun older = CliRun.of("scan", "--fail-on", "high", "--format", "json", "--out", dir.resolve("older.json").toString());
        CliRun newRule = CliRun.of("scan", "--rules", TEST_RULES, "--fail-on", "high", "--baseline", dir.resolve("older.json").toString(),
                "--format", "json", "--out", dir.resolve("third.json").toString());
        assertThat(older.exit()).isIn(0, 1);
        assertThat(newRule.exit()).isEqualTo(1);
        assertThat(newRule.err()).contains("gate failed: 1 open finding(s) at high or worse not in the baseline");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--waivers  | waivers/bad-date.yaml                  | is not a date; write it as YYYY-MM-DD",
        "--waivers  | waivers/not-yaml.yaml                  | not valid YAML",
        "--waivers  | waivers/missing-expiry.yaml            | missing 'expires'",
        "--waivers  | waivers/no-such.yaml                   | waiver file not found",
        "--baseline | baselines/not-a-bulwark-report.json    | not a bulwark JSON report (schema is 'someone-elses-report/3'",
        "--baseline | baselines/truncated.json               | not valid JSON",
        "--baseline | baselines/missing-status.json          | missing the text field 'status'",
        "--baseline | baselines/no-such.json                 | report not found"})
    void aMalformedWaiverOrBaselineFileIsOneClearLineAndExit2(String option, String file, String message) {
        CliRun run = CliRun.of("scan", option, "src/test/resources/" + file);
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().lines().toList()).singleElement().asString()
                .startsWith("bulwark: src/test/resources/" + file + ": ").contains(message);
        assertThat(run.out()).isEmpty();
    }
}
