package io.bulwark.audit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Turns targets into a report: collects each target's facts and judges them by the rules. */
public final class Scanner {
    private final RuleEngine engine;
    private final String version;
    private final Clock clock;

    public Scanner(RuleSet rules, String version, Clock clock) {
        this.engine = new RuleEngine(rules.all());
        this.version = version;
        this.clock = clock;
    }

    public Report scan(List<? extends FactSource> sources) {
        List<TargetReport> targets = new ArrayList<>();
        for (FactSource source : sources) {
            Facts facts = source.collect();
            targets.add(new TargetReport(source.target(), facts.all(), engine.evaluate(facts)));
        }
        return new Report(version, clock.instant(), targets);
    }
}
