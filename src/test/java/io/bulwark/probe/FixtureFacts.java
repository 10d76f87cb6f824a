package io.bulwark.probe;

import io.bulwark.audit.Confidence;
import io.bulwark.audit.Fact;
import io.bulwark.audit.Facts;
import java.nio.file.Path;

/** Runs one probe on a fixture tree, held to its declarations as in a real scan. */
final class FixtureFacts {
    private final Facts facts;

    private FixtureFacts(Facts facts) {
        this.facts = facts;
    }

    static FixtureFacts of(Probe probe, Path root) {
        return new FixtureFacts(new Facts(ProbeRunner.run(probe, ProbeContext.fixture(root))));
    }

    static FixtureFacts live(Probe probe) {
        return new FixtureFacts(new Facts(ProbeRunner.run(probe, ProbeContext.self())));
    }

    Fact fact(String name) {
        return facts.get(name).orElseThrow(() -> new AssertionError("no fact " + name));
    }

    Object value(String name) {
        Fact fact = fact(name);
        if (!fact.observed()) {
            throw new AssertionError(name + " was not observed: " + fact.evidence());
        }
        return fact.value();
    }

    String evidence(String name) {
        return fact(name).evidence();
    }

    Confidence confidence(String name) {
        return fact(name).confidence();
    }

    boolean observed(String name) {
        return fact(name).observed();
    }

    Facts all() {
        return facts;
    }
}
