package io.bulwark.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The report formats and the file name extension each is written with. */
public enum ReportFormat {
    TEXT("txt"),
    JSON("json");

    private final String extension;

    ReportFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public ReportWriter writer(boolean colour) {
        return switch (this) {
            case TEXT -> new TextReportWriter(colour);
            case JSON -> new JsonReportWriter();
        };
    }

    public static ReportFormat parse(String text) {
        for (ReportFormat f : values()) {
            if (f.id().equalsIgnoreCase(text.trim())) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown format '" + text + "' (expected one of "
                + Arrays.stream(values()).map(ReportFormat::id).collect(Collectors.joining(", ")) + ")");
    }
}
