package io.bulwark.audit;

import java.time.LocalDate;
import java.util.Objects;

/**
 * An accepted risk: the failed findings of one rule on the targets a pattern matches are
 * reported as waived, not failed, through the expiry date (inclusive). After it the waiver
 * stops waiving and the finding fails again, so that accepted risks come back for review.
 *
 * @param ruleId  the rule waived, exactly as {@code bulwark rules list} prints it
 * @param target  a glob over the target's id or description ({@code *} any text, {@code ?} one character)
 * @param reason  why the risk is accepted; shown next to the finding
 * @param expires the last day the waiver is in force
 * @param source  where the waiver was written, e.g. {@code waivers.yaml, waivers[2]}
 */
public record Waiver(String ruleId, String target, String reason, LocalDate expires, String source) {

    public Waiver {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(expires, "expires");
        Objects.requireNonNull(source, "source");
    }

    public boolean matches(String findingRuleId, Target scanned) {
        Glob glob = new Glob(target);
        return ruleId.equals(findingRuleId) && (glob.matches(scanned.id()) || glob.matches(scanned.description()));
    }

    /** True when {@code today} is past the expiry date. */
    public boolean expiredOn(LocalDate today) {
        return today.isAfter(expires);
    }
}
