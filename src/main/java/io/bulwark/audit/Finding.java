package io.bulwark.audit;

import java.util.List;

/**
 * A rule's verdict on a target.
 *
 * @param evidence the facts the rule's condition read, as observed (or not)
 * @param reason   for not-applicable findings, why the rule could not be judged; else empty
 */
public record Finding(Rule rule, FindingStatus status, List<Fact> evidence, String reason) {
    public Finding {
        evidence = List.copyOf(evidence);
    }
}
