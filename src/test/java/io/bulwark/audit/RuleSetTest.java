package io.bulwark.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.probe.Probes;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuleSetTest {
    private static final Path RULES = Path.of("src/test/resources/rules");

    @Test
    void builtInRulesLoadAndEveryRuleNamesOnlyDeclaredFacts() {
        RuleSet rules = RuleSet.load(Probes.catalog(), List.of());
        assertThat(rules.all()).isNotEmpty();
        for (Rule rule : rules.all()) {
            assertThat(rule.source()).isEqualTo("audit-rules/" + rule.surface().id() + ".yaml");
            assertThat(rule.failWhen().factNames()).allSatisfy(name -> assertThat(Probes.catalog().find(name)).isPresent());
            assertThat(rule.why()).isNotBlank();
            assertThat(rule.fix()).isNotBlank();
        }
    }

    @Test
    void userDirectoryAddsRules() {
        RuleSet rules = RuleSet.load(Probes.catalog(), List.of(RULES.resolve("valid")));
        Rule mine = rules.find("MY-CAP-001").orElseThrow();
        assertThat(mine.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(mine.surface()).isEqualTo(Surface.CAPABILITIES);
        assertThat(mine.references().cis()).containsExactly("5.4");
        assertThat(mine.source()).endsWith("custom.yaml");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown-field  | rules[0].colour: unknown field 'colour'",
        "missing-id     | rules[0]: missing 'id'",
        "duplicate-id   | duplicate rule id 'BW-CAP-001' (already defined in audit-rules/capabilities.yaml)",
        "unknown-fact   | rules[0] (X-1).fail-when.any[1]: unknown fact 'caps.efective'",
        "wrong-operator | 'contains' does not apply to boolean fact 'user.root_is_host_root'",
        "bad-yaml       | not valid YAML",
        "wrong-type     | rules[0].id: expected a text value",
        "bad-severity   | rules[0] (X-1).severity: unknown severity 'severe'",
    })
    void badRuleFileIsOneErrorNamingTheFile(String dir, String message) {
        assertThatThrownBy(() -> RuleSet.load(Probes.catalog(), List.of(RULES.resolve(dir))))
                .isInstanceOf(RuleFileException.class)
                .hasMessageStartingWith(RULES.resolve(dir).resolve("r.yaml").toString() + ": ")
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("io.bulwark"));
    }

    @Test
    void missingDirectoryIsAnInputError() {
        assertThatThrownBy(() -> RuleSet.load(Probes.catalog(), List.of(RULES.resolve("nope"))))
                .isInstanceOf(RuleFileException.class)
                .hasMessageContaining("not a directory of rule files");
    }
}
