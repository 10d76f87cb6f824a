package io.bulwark.os;

import java.util.ArrayList;
import java.util.List;

/** {@code /proc/PID/uid_map} or {@code gid_map}: lines of "inside outside count". */
public record IdMap(List<Range> ranges) {

    /** One line: ids {@code inside .. inside+count-1} are host ids {@code outside ..}. */
    public record Range(long inside, long outside, long count) {
        @Override
        public String toString() {
            return inside + " " + outside + " " + count;
        }
    }

    /** The identity map of the initial user namespace: every id is itself. */
    public static final Range IDENTITY_ALL = new Range(0, 0, 4294967295L);

    public static IdMap parse(String text) {
        List<Range> ranges = new ArrayList<>();
        for (String line : text.split("\n")) {
            String trimmed = line.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            String[] parts = Fields.of(trimmed);
            if (parts.length != 3) {
                throw new IllegalArgumentException("id map line '" + trimmed + "' does not have three numbers");
            }
            try {
                ranges.add(new Range(Long.parseLong(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2])));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("id map line '" + trimmed + "' is not numeric", e);
            }
        }
        return new IdMap(List.copyOf(ranges));
    }

    /** True for the initial user namespace's map {@code 0 0 4294967295}. */
    public boolean isIdentity() {
        return ranges.size() == 1 && ranges.get(0).equals(IDENTITY_ALL);
    }

    /** The host id that {@code inside} maps to, or -1 when it is not mapped. */
    public long toHost(long inside) {
        for (Range r : ranges) {
            if (inside >= r.inside() && inside < r.inside() + r.count()) {
                return r.outside() + (inside - r.inside());
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return String.join("; ", ranges.stream().map(Range::toString).toList());
    }
}
