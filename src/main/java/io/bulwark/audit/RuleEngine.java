package io.bulwark.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Judges facts by rules. Knows nothing of where facts came from or how findings are shown. */
public final class RuleEngine {
    private final List<Rule> rules;

    public RuleEngine(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public List<Finding> evaluate(Facts facts) {
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : rules) {
            findings.add(evaluate(rule, facts));
        }
        return findings;
    }

    static Finding evaluate(Rule rule, Facts facts) {
        List<Fact> evidence = rule.failWhen().factNames().stream()
                .map(name -> facts.get(name).orElseGet(() -> Fact.unobserved(name, "no probe reported this fact for this target")))
                .toList();
        return switch (rule.failWhen().evaluate(facts)) {
            case TRUE -> new Finding(rule, FindingStatus.FAIL, evidence, "");
            case FALSE -> new Finding(rule, FindingStatus.PASS, evidence, "");
            case UNKNOWN -> new Finding(rule, FindingStatus.NOT_APPLICABLE, evidence, evidence.stream()
                    .filter(f -> !f.observed())
                    .map(f -> f.name() + ": " + f.evidence())
                    .collect(Collectors.joining("; ")));
        };
    }
}
