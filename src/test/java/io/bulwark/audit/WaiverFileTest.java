package io.bulwark.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.InputException;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WaiverFileTest {

    static Path fixture(String name) {
        return Path.of("src/test/resources/waivers", name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"root-waived-in-ci.yaml", "root-waived-in-ci.json"})
    void readsYamlAndJsonAlike(String file) {
        Waivers waivers = WaiverFile.load(fixture(file));
        assertThat(waivers.waivers()).hasSize(2);
        Waiver first = waivers.waivers().get(0);
        assertThat(first.ruleId()).isEqualTo("T-ROOT-001");
        assertThat(first.target()).isEqualTo("self");
        assertThat(first.reason()).isEqualTo("CI runners are root by design (SEC-12)");
        assertThat(first.expires()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(first.source()).endsWith(file + ", waivers[0]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"expired.yaml"})
    void aMissingTargetMeansEveryTarget(String file) {
        assertThat(WaiverFile.load(fixture(file)).waivers().get(0).target()).isEqualTo("*");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "bad-date.yaml       | waivers[0] (T-ROOT-001): expires '31/12/2026' is not a date; write it as YYYY-MM-DD",
        "missing-expiry.yaml | waivers[0] (T-ROOT-001): missing 'expires'",
        "unknown-field.yaml  | unknown field 'until'",
        "not-yaml.yaml       | not valid YAML",
        "no-list.yaml        | missing 'waivers' (a waiver file is 'waivers:' with a list",
        "top-level-list.yaml | expected a mapping (key: value)",
        "waivers-not-a-list.yaml | waivers: expected a list",
        "not-json.json       | not valid JSON",
        "no-such-file.yaml   | waiver file not found"})
    void aMalformedFileIsOneLineNamingTheFileAndTheProblem(String file, String message) {
        assertThatThrownBy(() -> WaiverFile.load(fixture(file)))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(fixture(file).toString() + ": ")
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(e.getMessage()).as("one line, in the user's words").doesNotContain("\n", "io.bulwark.", "`"));
    }
}
