package io.bulwark.probe;

import io.bulwark.audit.Fact;
import io.bulwark.audit.FactSource;
import io.bulwark.audit.Facts;
import io.bulwark.audit.Finding;
import io.bulwark.audit.FindingStatus;
import io.bulwark.audit.RuleEngine;
import io.bulwark.audit.RuleSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** A target's facts and the built-in rules' verdicts on them, for tests that compare targets. */
public record TargetVerdicts(Facts facts, Map<String, FindingStatus> verdicts) {
    private static final RuleSet RULES = RuleSet.load(Probes.catalog(), List.of());

    public static TargetVerdicts of(FactSource source) {
        Facts facts = source.collect();
        List<Finding> findings = new RuleEngine(RULES.all()).evaluate(facts);
        return new TargetVerdicts(facts, findings.stream().collect(Collectors.toMap(f -> f.rule().id(), Finding::status)));
    }

    public Object value(String fact) {
        return facts.value(fact).orElse(null);
    }

    public Fact fact(String name) {
        return facts.get(name).orElseThrow();
    }

    public FindingStatus verdict(String rule) {
        return verdicts.get(rule);
    }

    /** True when a fact {@code rule} reads is a path this kernel does not have (a config cannot know that). */
    public boolean readsAbsentPath(String rule) {
        return RULES.find(rule).map(r -> r.failWhen().factNames()).orElse(Set.of()).stream()
                .map(facts::get).flatMap(Optional::stream)
                .anyMatch(f -> f.evidence().startsWith(ProcProbe.ABSENT));
    }
}
