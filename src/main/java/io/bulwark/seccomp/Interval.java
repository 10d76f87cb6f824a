package io.bulwark.seccomp;

/** Syscall numbers {@code lo..hi} (unsigned 32-bit, held in longs) that share one verdict. */
public record Interval(long lo, long hi, Verdict verdict) {
    public long size() {
        return hi - lo + 1;
    }
}
