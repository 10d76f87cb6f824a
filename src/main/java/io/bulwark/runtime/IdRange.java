package io.bulwark.runtime;

import io.bulwark.InputException;

/**
 * {@code --map [u:|g:]INSIDE:OUTSIDE:COUNT}: COUNT ids from INSIDE in the container are the
 * host's from OUTSIDE; for uids, gids, or (without a prefix) both.
 */
public record IdRange(boolean uids, boolean gids, long inside, long outside, long count) {
    private static final long ID_LIMIT = 1L << 32;

    public static IdRange parse(String text) {
        boolean uids = !text.startsWith("g:");
        boolean gids = !text.startsWith("u:");
        String[] f = (uids && gids ? text : text.substring(2)).split(":", -1);
        if (f.length != 3 || !f[0].matches("\\d{1,10}") || !f[1].matches("\\d{1,10}") || !f[2].matches("[1-9]\\d{0,9}")) {
            throw new InputException("--map " + text + ": expected [u:|g:]INSIDE:OUTSIDE:COUNT, whole numbers, COUNT at least 1");
        }
        long inside = Long.parseLong(f[0]);
        long outside = Long.parseLong(f[1]);
        long count = Long.parseLong(f[2]);
        if (inside + count > ID_LIMIT || outside + count > ID_LIMIT) {
            throw new InputException("--map " + text + ": the range runs past id 4294967295");
        }
        return new IdRange(uids, gids, inside, outside, count);
    }

    /** The line of {@code /proc/PID/uid_map} or {@code gid_map}. */
    String line() {
        return inside + " " + outside + " " + count + "\n";
    }

    boolean overlaps(IdRange o) {
        return inside < o.inside + o.count && o.inside < inside + count
                || outside < o.outside + o.count && o.outside < outside + count;
    }

    boolean mapsInside(long id) {
        return id >= inside && id < inside + count;
    }

    @Override
    public String toString() {
        return (uids && gids ? "" : uids ? "u:" : "g:") + inside + ":" + outside + ":" + count;
    }
}
