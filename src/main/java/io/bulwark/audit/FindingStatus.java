package io.bulwark.audit;

import java.util.Locale;

/** The outcome of one rule on one target. */
public enum FindingStatus {
    /** The surface is open. */
    FAIL,
    /**
     * The surface is open, but a waiver accepts it until its expiry date: reported, never
     * hidden, and not counted by the gate.
     */
    WAIVED,
    /** The surface is closed. */
    PASS,
    /** The facts the rule needs could not be observed; never counted as a pass. */
    NOT_APPLICABLE;

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The status whose {@link #id()} is {@code text}. */
    public static FindingStatus parse(String text) {
        for (FindingStatus s : values()) {
            if (s.id().equals(text)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown finding status '" + text + "'");
    }
}
