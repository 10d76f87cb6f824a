package io.bulwark.os;

import java.util.OptionalLong;

/** The values of cgroup interface files: limits that may read {@code max}, and {@code cpu.max}. */
public final class CgroupValue {
    /**
     * cgroup v1 memory reports "no limit" as the page counter's maximum in bytes
     * (9223372036854771712 with 4 KiB pages); anything from 2^62 up is that, on any page size.
     */
    private static final long V1_UNLIMITED_FLOOR = 1L << 62;

    private CgroupValue() {
    }

    /**
     * A limit such as {@code pids.max}, {@code memory.max} or {@code memory.limit_in_bytes}:
     * empty when unlimited ({@code max}, v1's near-2^63 byte count, or a negative v1 quota).
     */
    public static OptionalLong limit(String text) {
        String value = text.strip();
        if (value.equals("max")) {
            return OptionalLong.empty();
        }
        try {
            long n = Long.parseLong(value);
            return n < 0 || n >= V1_UNLIMITED_FLOOR ? OptionalLong.empty() : OptionalLong.of(n);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("cgroup limit '" + value + "' is neither a number nor 'max'");
        }
    }

    /** A whole number, e.g. {@code pids.current} or {@code cpu.cfs_period_us}. */
    public static long number(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("cgroup value '" + text.strip() + "' is not a number");
        }
    }

    /**
     * A CPU bandwidth limit in thousandths of a CPU: {@code quota/period}; empty when unlimited.
     *
     * @param quota  microseconds per period ({@code max} or a negative number for none)
     * @param period the period in microseconds
     */
    public static OptionalLong millicpus(String quota, String period) {
        OptionalLong q = limit(quota);
        long p = number(period);
        if (p <= 0) {
            throw new IllegalArgumentException("cgroup cpu period '" + period.strip() + "' is not positive");
        }
        return q.isPresent() ? OptionalLong.of(Math.max(1, q.getAsLong() * 1000 / p)) : OptionalLong.empty();
    }

    /** v2 {@code cpu.max}: {@code "QUOTA PERIOD"} with QUOTA {@code max} for none. */
    public static OptionalLong cpuMax(String text) {
        String[] parts = Fields.of(text.strip());
        if (parts.length != 2) {
            throw new IllegalArgumentException("cpu.max '" + text.strip() + "' is not 'QUOTA PERIOD'");
        }
        return millicpus(parts[0], parts[1]);
    }
}
