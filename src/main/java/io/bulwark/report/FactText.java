package io.bulwark.report;

import io.bulwark.audit.Fact;
import java.util.List;

/** A fact's value and evidence as plain text, the same in every format. */
final class FactText {
    private FactText() {
    }

    /** The value as a person reads it: lists comma-separated, {@code not observed} when there is none. */
    static String value(Fact f) {
        return value(f, ",");
    }

    /** The value with list items joined by {@code separator} (", " lets a browser wrap long lists). */
    static String value(Fact f, String separator) {
        if (!f.observed()) {
            return "not observed";
        }
        if (f.value() instanceof List<?> list) {
            return list.isEmpty() ? "[]" : String.join(separator, list.stream().map(Object::toString).toList());
        }
        return String.valueOf(f.value());
    }

    /** {@code name = value (evidence)}. */
    static String line(Fact f) {
        return f.name() + " = " + value(f) + " (" + f.evidence() + ")";
    }
}
