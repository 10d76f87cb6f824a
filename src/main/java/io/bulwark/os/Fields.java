package io.bulwark.os;

import java.util.regex.Pattern;

/**
 * Splits kernel text into whitespace-separated fields with one compiled pattern:
 * {@code String.split("\\s+")} compiles its regex on every call, and a host scan parses
 * thousands of stat and status lines.
 */
public final class Fields {
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private Fields() {
    }

    /** The fields of {@code text}, which the caller has stripped of leading whitespace. */
    public static String[] of(String text) {
        return WHITESPACE.split(text);
    }
}
