package io.bulwark.audit;

/** Three-valued (Kleene) truth: a condition over a fact that was not observed is UNKNOWN. */
public enum Verdict {
    TRUE, FALSE, UNKNOWN;

    public static Verdict of(boolean b) {
        return b ? TRUE : FALSE;
    }

    public Verdict not() {
        return switch (this) {
            case TRUE -> FALSE;
            case FALSE -> TRUE;
            case UNKNOWN -> UNKNOWN;
        };
    }
}
