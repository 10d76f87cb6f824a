package io.bulwark.os;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** {@code /proc/PID/status}: "Key:\tvalue" lines. Lines without a colon are ignored. */
public final class ProcStatus {
    private final Map<String, String> fields;

    private ProcStatus(Map<String, String> fields) {
        this.fields = fields;
    }

    public static ProcStatus parse(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                fields.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
            }
        }
        return new ProcStatus(fields);
    }

    public Optional<String> field(String key) {
        return Optional.ofNullable(fields.get(key));
    }

    /** The first whole number of a field ({@code Uid: 0 0 0 0} gives 0), if present and numeric. */
    public Optional<Long> number(String key) {
        return field(key).map(v -> Fields.of(v)[0]).flatMap(ProcStatus::parseLong);
    }

    /** The n-th whole number of a field ({@code Uid:} lists real, effective, saved, fs). */
    public Optional<Long> number(String key, int index) {
        return field(key).flatMap(v -> {
            String[] parts = Fields.of(v);
            return index < parts.length ? parseLong(parts[index]) : Optional.empty();
        });
    }

    /** A hexadecimal field such as {@code CapEff: 000001ffffffffff}. */
    public Optional<Long> hex(String key) {
        return field(key).flatMap(v -> {
            try {
                return Optional.of(Long.parseUnsignedLong(v, 16));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    private static Optional<Long> parseLong(String s) {
        try {
            return Optional.of(Long.parseLong(s));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
