package io.bulwark.audit;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A rule's verdict on a target.
 *
 * @param evidence the facts the rule's condition read, as observed (or not)
 * @param reason   for not-applicable findings, why the rule could not be judged; else empty
 * @param waiver   the waiver that matched this finding: with status {@link FindingStatus#WAIVED}
 *                 it is in force, with {@link FindingStatus#FAIL} it has expired
 */
public record Finding(Rule rule, FindingStatus status, List<Fact> evidence, String reason, Optional<Waiver> waiver) {
    public Finding {
        evidence = List.copyOf(evidence);
        Objects.requireNonNull(waiver, "waiver");
    }

    public Finding(Rule rule, FindingStatus status, List<Fact> evidence, String reason) {
        this(rule, status, evidence, reason, Optional.empty());
    }

    /** This failed finding, accepted by {@code waiver} (in force) or still failing (expired). */
    public Finding withWaiver(Waiver waiver, boolean inForce) {
        if (status != FindingStatus.FAIL) {
            throw new IllegalStateException("only a failed finding can be waived, " + rule.id() + " is " + status.id());
        }
        return new Finding(rule, inForce ? FindingStatus.WAIVED : FindingStatus.FAIL, evidence, reason, Optional.of(waiver));
    }

    /** True when a waiver matched this finding but had expired, so it fails again. */
    public boolean waiverExpired() {
        return status == FindingStatus.FAIL && waiver.isPresent();
    }
}
