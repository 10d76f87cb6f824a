package io.bulwark.os;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** {@code /proc/meminfo}: lines of {@code Key:   N kB} (a few counters carry no unit). */
public final class MemInfo {
    private final Map<String, Long> bytes;

    private MemInfo(Map<String, Long> bytes) {
        this.bytes = bytes;
    }

    public static MemInfo parse(String text) {
        Map<String, Long> bytes = new LinkedHashMap<>();
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("meminfo line " + (i + 1) + " '" + line.strip() + "' has no 'Key:'");
            }
            String[] value = Fields.of(line.substring(colon + 1).trim());
            try {
                long n = Long.parseLong(value[0]);
                boolean kib = value.length > 1 && value[1].equalsIgnoreCase("kB");
                bytes.put(line.substring(0, colon).trim(), kib ? n * 1024 : n);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("meminfo line " + (i + 1) + " '" + line.strip() + "' is not a number");
            }
        }
        return new MemInfo(bytes);
    }

    /** A counter in bytes ({@code kB} values multiplied out), e.g. {@code MemTotal}. */
    public Optional<Long> bytes(String key) {
        return Optional.ofNullable(bytes.get(key));
    }
}
