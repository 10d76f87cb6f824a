package io.bulwark.os;

import java.util.BitSet;

/**
 * The CPUs a view shows: cpu lists ({@code 0-3,8,10-11} as in {@code cpuset.cpus} and
 * {@code Cpus_allowed_list}), the {@code cpuN} lines of {@code /proc/stat}, and the
 * {@code processor} entries of {@code /proc/cpuinfo}.
 */
public final class CpuCounts {
    private CpuCounts() {
    }

    /** How many CPUs a cpu list names; an empty list names none. */
    public static int inList(String list) {
        BitSet cpus = new BitSet();
        String trimmed = list.strip();
        if (trimmed.isEmpty()) {
            return 0;
        }
        for (String part : trimmed.split(",")) {
            String[] range = part.strip().split("-", -1);
            try {
                int from = Integer.parseInt(range[0]);
                int to = range.length == 2 ? Integer.parseInt(range[1]) : from;
                if (range.length > 2 || from < 0 || to < from || to > 65535) {
                    throw new NumberFormatException();
                }
                cpus.set(from, to + 1);
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                throw new IllegalArgumentException("cpu list '" + trimmed + "': '" + part + "' is not N or N-M");
            }
        }
        return cpus.cardinality();
    }

    /** The {@code cpuN} lines of {@code /proc/stat} (not the aggregate {@code cpu} line). */
    public static int inStat(String text) {
        int n = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith("cpu") && line.length() > 3 && Character.isDigit(line.charAt(3))) {
                n++;
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("/proc/stat text has no cpuN line");
        }
        return n;
    }

    /** The {@code processor : N} entries of {@code /proc/cpuinfo}. */
    public static int inCpuinfo(String text) {
        int n = 0;
        for (String line : text.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().equals("processor")) {
                n++;
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("cpuinfo text has no 'processor' entry");
        }
        return n;
    }
}
