package io.bulwark.audit;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How bad an open surface is. Ordered from most to least severe. */
public enum Severity {
    CRITICAL, HIGH, MEDIUM, LOW, INFO;

    /** Lower-case name as it appears in rule files, reports and on the command line. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when this severity is the same as or worse than {@code threshold}. */
    public boolean atLeast(Severity threshold) {
        return ordinal() <= threshold.ordinal();
    }

    public static Severity parse(String text) {
        for (Severity s : values()) {
            if (s.id().equalsIgnoreCase(text.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown severity '" + text + "' (expected one of "
                + Arrays.stream(values()).map(Severity::id).collect(Collectors.joining(", ")) + ")");
    }
}
