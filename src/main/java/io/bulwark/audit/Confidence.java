package io.bulwark.audit;

import java.util.Locale;

/** How sure an observation is: read directly, or inferred from indirect signs. */
public enum Confidence {
    /** Read from a kernel interface that states it directly. */
    CERTAIN,
    /** Inferred from strong indirect evidence; a deliberately disguised environment could fool it. */
    LIKELY,
    /** A heuristic. */
    GUESS;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
