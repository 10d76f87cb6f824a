package io.bulwark.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.audit.Fact;
import io.bulwark.audit.FactSpec;
import io.bulwark.audit.Facts;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProbeRunnerTest {
    private static final ProbeContext NOWHERE = ProbeContext.fixture(Path.of("src/test/resources/fixtures/does-not-exist"));

    private static Probe probe(List<FactSpec> specs, List<Fact> facts) {
        return new Probe() {
            @Override
            public List<FactSpec> facts() {
                return specs;
            }

            @Override
            public List<Fact> collect(ProbeContext context) {
                return facts;
            }
        };
    }

    @Test
    void declaredFactsThatAreNotReportedBecomeUnobserved() {
        Probe p = probe(List.of(FactSpec.bool("a.b", "x"), FactSpec.bool("a.c", "y")), List.of(Fact.of("a.b", true, "read")));
        List<Fact> facts = ProbeRunner.run(p, NOWHERE);
        assertThat(facts).extracting(Fact::name).containsExactly("a.b", "a.c");
        assertThat(facts.get(1).observed()).isFalse();
        assertThat(facts.get(1).evidence()).contains("did not report it");
    }

    @Test
    void undeclaredOrMistypedFactsAreABugOfTheProbe() {
        assertThatThrownBy(() -> ProbeRunner.run(probe(List.of(), List.of(Fact.of("x", true, "e"))), NOWHERE))
                .hasMessageContaining("undeclared fact x");
        assertThatThrownBy(() -> ProbeRunner.run(probe(List.of(FactSpec.number("n", "d")), List.of(Fact.of("n", "ten", "e"))), NOWHERE))
                .hasMessageContaining("declared NUMBER");
    }

    @Test
    void aFailingProbeLeavesItsFactsUnobservedWithTheError() {
        Probe failing = new Probe() {
            @Override
            public List<FactSpec> facts() {
                return List.of(FactSpec.text("t.x", "d"));
            }

            @Override
            public List<Fact> collect(ProbeContext context) throws IOException {
                throw new IOException("permission denied");
            }
        };
        Facts facts = new ProbeRunner(List.of(failing, new UserProbe())).collect(NOWHERE);
        assertThat(facts.get("t.x").orElseThrow().evidence()).contains("permission denied");
        assertThat(facts.has("user.uid")).isTrue();
    }
}
