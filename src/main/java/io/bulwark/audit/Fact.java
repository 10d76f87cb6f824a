package io.bulwark.audit;

import java.util.List;
import java.util.Objects;

/**
 * One observation about a target under a stable dotted name, with its evidence: what was read
 * or tried, and what came back. A fact that could not be observed has no value and a reason.
 *
 * @param name       stable dotted name, e.g. {@code user.root_is_host_root}
 * @param value      Boolean, Long, String or List of String; null when not observed
 * @param evidence   what was read or tried and what came back (or why nothing could be)
 * @param confidence how sure the observation is; null when not observed
 */
public record Fact(String name, Object value, String evidence, Confidence confidence) {

    public Fact {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(evidence, "evidence");
        if (value instanceof Integer i) {
            value = i.longValue();
        }
        if (value instanceof List<?> list) {
            value = List.copyOf(list);
        }
    }

    public static Fact of(String name, Object value, String evidence) {
        return new Fact(name, Objects.requireNonNull(value, "value"), evidence, Confidence.CERTAIN);
    }

    public static Fact inferred(String name, Object value, Confidence confidence, String evidence) {
        return new Fact(name, Objects.requireNonNull(value, "value"), evidence, confidence);
    }

    /** A fact that could not be observed; rules that need it become not-applicable. */
    public static Fact unobserved(String name, String reason) {
        return new Fact(name, null, reason, null);
    }

    public boolean observed() {
        return value != null;
    }
}
