package io.bulwark.audit;

import java.util.Locale;

/** The outcome of one rule on one target. */
public enum FindingStatus {
    /** The surface is open. */
    FAIL,
    /** The surface is closed. */
    PASS,
    /** The facts the rule needs could not be observed; never counted as a pass. */
    NOT_APPLICABLE;

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
