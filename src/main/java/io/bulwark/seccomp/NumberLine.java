package io.bulwark.seccomp;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The whole 32-bit syscall-number space of one arch section (architectures that share an
 * audit value: x86_64 and x32) cut into intervals, adjacent numbers with the same
 * argument-free verdict merged into one. This is what makes the search short: Docker's
 * x86_64 profile is a few dozen allowed ranges, not three hundred numbers.
 */
final class NumberLine {
    private static final long TOP = 0xffffffffL;

    private NumberLine() {
    }

    static List<Interval> build(List<ArchPolicy> section, Action defaultAction, CompileOptions options) {
        TreeSet<Long> cuts = new TreeSet<>();
        cuts.add(0L);
        cuts.add((long) Arch.X32_SYSCALL_BIT);
        cuts.add(TOP);
        for (ArchPolicy p : section) {
            for (int nr : p.rules().keySet()) {
                long n = Integer.toUnsignedLong(nr);
                cuts.add(n);
                if (n < TOP) {
                    cuts.add(n + 1);
                }
            }
            if (options.enosys()) {
                cuts.add(Integer.toUnsignedLong(p.highestNamed()) + 1);
            }
        }
        List<Interval> intervals = new ArrayList<>();
        List<Long> starts = new ArrayList<>(cuts);
        for (int i = 0; i < starts.size(); i++) {
            long lo = starts.get(i);
            long hi = i + 1 < starts.size() ? starts.get(i + 1) - 1 : TOP;
            Verdict v = verdictAt(section, lo, defaultAction, options);
            Interval last = intervals.isEmpty() ? null : intervals.get(intervals.size() - 1);
            if (last != null && v instanceof Verdict.Return && last.verdict().equals(v)) {
                intervals.set(intervals.size() - 1, new Interval(last.lo(), hi, v));
            } else {
                intervals.add(new Interval(lo, hi, v));
            }
        }
        return intervals;
    }

    /** Which architecture of the section a number belongs to: x32 numbers carry bit 30. */
    static ArchPolicy owner(List<ArchPolicy> section, long nr) {
        for (ArchPolicy p : section) {
            boolean x32 = p.arch() == Arch.X32;
            boolean shared = p.arch() == Arch.X86_64 || x32;
            if (!shared || x32 == (nr >= Arch.X32_SYSCALL_BIT)) {
                return p;
            }
        }
        return null;
    }

    private static Verdict verdictAt(List<ArchPolicy> section, long nr, Action defaultAction, CompileOptions options) {
        ArchPolicy owner = owner(section, nr);
        if (owner == null) {
            // x86_64 without x32 (or the reverse): the other half is a foreign ABI; -1, which
            // tracers use to skip a call, keeps the default as libseccomp does.
            return new Verdict.Return(nr == TOP ? defaultAction : options.badArch());
        }
        List<Rule> rules = owner.rulesFor((int) nr);
        for (Rule r : rules) {
            if (r.unconditional()) {
                return new Verdict.Return(r.action());
            }
        }
        if (!rules.isEmpty()) {
            // most restrictive first, profile order among equals: then the first match is the answer
            List<Rule> ranked = new ArrayList<>(rules);
            ranked.sort((a, b) -> Integer.compare(a.action().kind().ret(), b.action().kind().ret()));
            return new Verdict.Conditional(owner.arch(), (int) nr, ranked, defaultAction);
        }
        if (options.enosys() && nr != TOP && nr > Integer.toUnsignedLong(owner.highestNamed())) {
            return new Verdict.Return(Action.errno(Action.ENOSYS));
        }
        return new Verdict.Return(defaultAction);
    }
}
