package io.bulwark.diff;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The formats {@code bulwark diff} writes. */
public enum DiffFormat {
    TEXT, JSON, HTML;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public DiffWriter writer() {
        return switch (this) {
            case TEXT -> new TextDiffWriter();
            case JSON -> new JsonDiffWriter();
            case HTML -> new HtmlDiffWriter();
        };
    }

    public static DiffFormat parse(String text) {
        for (DiffFormat f : values()) {
            if (f.id().equalsIgnoreCase(text.trim())) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown format '" + text + "' (expected one of "
                + Arrays.stream(values()).map(DiffFormat::id).collect(Collectors.joining(", ")) + ")");
    }
}
