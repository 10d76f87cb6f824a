package io.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DiffCommandTest {
    private static final String FEBRUARY = "src/test/resources/reports/february.json";
    private static final String MARCH = "src/test/resources/reports/march-two-new-failures.json";

    @Test
    void newFailuresExit1() {
        CliRun run = CliRun.of("diff", FEBRUARY, MARCH);
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("New failures (2):").contains("Summary: 2 new, 1 fixed, 2 changed");
    }

    @Test
    void noNewFailuresExit0() {
        CliRun run = CliRun.of("diff", MARCH, MARCH);
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("New failures (0): none").contains("Summary: 0 new, 0 fixed, 0 changed");
    }

    @Test
    void backwardsTheFixedFindingAndTheRemovedRuleAreNewFailures() {
        CliRun run = CliRun.of("diff", MARCH, FEBRUARY);
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("New failures (2):").contains("T-ROOT-001").contains("T-GONE-001");
    }

    @Test
    void jsonAndHtmlGoToAFileWithOut(@TempDir Path dir) {
        assertThat(CliRun.of("diff", "--format", "json", "--out", dir.resolve("d.json").toString(), FEBRUARY, MARCH).exit()).isEqualTo(1);
        assertThat(dir.resolve("d.json")).content().contains("\"schema\" : \"bulwark-diff/1\"");
        assertThat(CliRun.of("diff", "--format", "html", "-o", dir.resolve("d.html").toString(), FEBRUARY, MARCH).exit()).isEqualTo(1);
        assertThat(dir.resolve("d.html")).content().startsWith("<!DOCTYPE html>");
    }

    @Test
    void theHelpDocumentsTheExitCodes() {
        assertThat(CliRun.of("diff", "--help").out()).contains("0  no new failures").contains("1  new failures: findings that fail in NEW.json").contains("2  bad usage or input");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "src/test/resources/baselines/truncated.json             | not valid JSON",
        "src/test/resources/baselines/not-a-bulwark-report.json  | not a bulwark JSON report",
        "src/test/resources/baselines/missing-status.json        | missing the text field 'status'",
        "src/test/resources/waivers/root-waived-in-ci.yaml       | not valid JSON",
        "no-such-report.json                                     | report not found"})
    void badInputIsOneLineAndExit2(String file, String message) {
        CliRun run = CliRun.of("diff", FEBRUARY, file);
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().lines().toList()).singleElement().asString().startsWith("bulwark: " + file + ": ").contains(message);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void anUnknownFormatIsAUsageError() {
        CliRun run = CliRun.of("diff", "--format", "sarif", FEBRUARY, MARCH);
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("unknown format 'sarif'");
    }
}
