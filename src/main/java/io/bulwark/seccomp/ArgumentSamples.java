package io.bulwark.seccomp;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Argument vectors that exercise a syscall's rules: for every condition, its constants and
 * their neighbours, the same values with the high half flipped, and the ends of the range;
 * for rules with several conditions, their combinations. Two programs that agree on these
 * agree on every argument, since each compares only against those constants.
 */
public final class ArgumentSamples {
    private static final int MAX_VECTORS = 512;

    private ArgumentSamples() {
    }

    /**
     * The samples for a syscall on one architecture: on one whose arguments are 32 bits wide
     * the kernel passes zero high halves, so the vectors are cut to their low halves.
     */
    public static List<long[]> of(Arch arch, List<Rule> rules) {
        List<long[]> all = of(rules);
        if (arch.wideArgs()) {
            return all;
        }
        java.util.Map<List<Long>, long[]> distinct = new java.util.LinkedHashMap<>();
        for (long[] v : all) {
            long[] low = new long[6];
            for (int i = 0; i < 6; i++) {
                low[i] = v[i] & 0xffffffffL;
            }
            distinct.putIfAbsent(java.util.Arrays.stream(low).boxed().toList(), low);
        }
        return new ArrayList<>(distinct.values());
    }

    public static List<long[]> of(List<Rule> rules) {
        List<Set<Long>> perArg = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Set<Long> s = new LinkedHashSet<>();
            s.add(0L);
            perArg.add(s);
        }
        for (Rule r : rules) {
            for (ArgCondition c : r.conditions()) {
                perArg.get(c.index()).addAll(around(c));
            }
        }
        List<long[]> vectors = new ArrayList<>();
        vectors.add(new long[6]);
        for (int i = 0; i < 6; i++) {
            if (perArg.get(i).size() == 1) {
                continue;
            }
            List<long[]> grown = new ArrayList<>();
            for (long[] v : vectors) {
                for (long value : perArg.get(i)) {
                    long[] w = v.clone();
                    w[i] = value;
                    grown.add(w);
                    if (grown.size() >= MAX_VECTORS) {
                        break;
                    }
                }
            }
            vectors = grown;
        }
        return vectors;
    }

    private static List<Long> around(ArgCondition c) {
        List<Long> v = new ArrayList<>();
        long hiBit = 1L << 32;
        for (long x : new long[] {c.value(), c.valueTwo()}) {
            v.add(x);
            v.add(x - 1);
            v.add(x + 1);
            v.add(x ^ hiBit);
            v.add(x & 0xffffffffL);
        }
        if (c.op() == CompareOp.MASKED_EQ) {
            v.add(c.valueTwo() | ~c.value());
            v.add(c.valueTwo() | (c.value() & -c.value()));
        }
        v.add(0xffffffffL);
        v.add(-1L);
        v.add(hiBit);
        return v;
    }
}
