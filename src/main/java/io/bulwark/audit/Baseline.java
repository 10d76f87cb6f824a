package io.bulwark.audit;

import java.util.Set;

/**
 * The open findings of an earlier report, by rule id and target id. With a baseline the gate
 * fails only on what is new since then, so a team can adopt the gate without first fixing
 * everything it already knew about.
 */
public record Baseline(Set<Key> known) {

    /** A finding's identity across reports. */
    public record Key(String ruleId, String targetId) {
    }

    public Baseline {
        known = Set.copyOf(known);
    }

    public static Baseline none() {
        return new Baseline(Set.of());
    }

    public boolean contains(Finding finding, Target target) {
        return known.contains(new Key(finding.rule().id(), target.id()));
    }
}
