package io.bulwark.config;

import java.util.List;
import java.util.Optional;

/**
 * Where a field is in a config's text, so findings can point at the line: the first line at or
 * after a document's start that names the key ({@code "Key":} in JSON, {@code key:} in YAML).
 * Jackson's tree keeps no locations, and a key search is enough for the fields we cite.
 */
final class FieldLines {
    private final List<String> lines;

    FieldLines(String text) {
        this.lines = text.lines().toList();
    }

    /** The 1-based line of {@code key} at or after line {@code from} (1-based), if it appears. */
    Optional<Integer> find(String key, int from) {
        String json = "\"" + key + "\"";
        for (int i = Math.max(0, from - 1); i < lines.size(); i++) {
            String line = lines.get(i).stripLeading();
            if (line.startsWith(json) || line.startsWith(key + ":") || line.startsWith("- " + key + ":")) {
                return Optional.of(i + 1);
            }
        }
        return Optional.empty();
    }

    /** The 1-based line holding {@code text} at or after line {@code from}, if any. */
    Optional<Integer> findText(String text, int from) {
        for (int i = Math.max(0, from - 1); i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return Optional.of(i + 1);
            }
        }
        return Optional.empty();
    }
}
