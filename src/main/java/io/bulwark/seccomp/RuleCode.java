package io.bulwark.seccomp;

import java.util.List;
import java.util.function.Function;

/**
 * Emits the argument tests of one syscall: the rules in order, each condition on a 64-bit
 * argument as two 32-bit halves (the high half first), or on the low half alone where the
 * architecture's arguments are 32 bits wide and the high half is known to be zero.
 * Consecutive rules with one comparison each on the same argument, the same high half and
 * the same action share one load of each half (Docker's personality and socket rules).
 */
final class RuleCode {
    private static final int ANY = 0xffffffff;

    private final ProgramBuilder b;
    private final boolean wide;
    private final Function<Action, ProgramBuilder.Label> returnOf;

    private RuleCode(ProgramBuilder b, boolean wide, Function<Action, ProgramBuilder.Label> returnOf) {
        this.b = b;
        this.wide = wide;
        this.returnOf = returnOf;
    }

    static void emit(ProgramBuilder b, Verdict.Conditional v) {
        RuleCode code = new RuleCode(b, v.arch().wideArgs(), a -> b.returnOf(a.ret()));
        List<Rule> rules = v.rules();
        int i = 0;
        while (i < rules.size()) {
            int end = groupEnd(rules, i);
            ProgramBuilder.Label next = b.label();
            ProgramBuilder.Label match = code.returnOf.apply(rules.get(i).action());
            if (end > i + 1 || simple(rules.get(i))) {
                code.comparisons(rules.subList(i, end).stream().map(r -> r.conditions().get(0)).toList(), match, next);
            } else {
                code.allOf(rules.get(i).conditions(), match, next);
            }
            b.place(next);
            i = end;
        }
        b.ret(v.fallback().ret());
    }

    private static boolean simple(Rule r) {
        return r.conditions().size() == 1 && r.conditions().get(0).op() != CompareOp.MASKED_EQ;
    }

    /** The end (exclusive) of the run of rules from {@code i} that can share loads. */
    private static int groupEnd(List<Rule> rules, int i) {
        Rule first = rules.get(i);
        if (!simple(first)) {
            return i + 1;
        }
        ArgCondition c0 = first.conditions().get(0);
        int j = i + 1;
        while (j < rules.size() && simple(rules.get(j)) && rules.get(j).action().equals(first.action())) {
            ArgCondition c = rules.get(j).conditions().get(0);
            if (c.index() != c0.index() || high(c.value()) != high(c0.value())) {
                break;
            }
            j++;
        }
        return j;
    }

    private void allOf(List<ArgCondition> conditions, ProgramBuilder.Label whenAll, ProgramBuilder.Label otherwise) {
        for (int i = 0; i < conditions.size(); i++) {
            boolean last = i == conditions.size() - 1;
            ProgramBuilder.Label holds = last ? whenAll : b.label();
            ArgCondition c = conditions.get(i);
            if (c.op() == CompareOp.MASKED_EQ) {
                masked(c, holds, otherwise);
            } else {
                comparisons(List.of(c), holds, otherwise);
            }
            if (!last) {
                b.place(holds);
            }
        }
    }

    /** (arg & mask) == want, half by half. */
    private void masked(ArgCondition c, ProgramBuilder.Label yes, ProgramBuilder.Label no) {
        int maskHi = high(c.value());
        int wantHi = high(c.valueTwo());
        if (!wide || maskHi == 0) {
            if (wantHi != 0) {
                b.jumpTo(no);
                return;
            }
        } else {
            b.load(hiOffset(c.index()));
            if (maskHi != ANY) {
                b.and(maskHi);
            }
            b.jump(BpfInstruction.JEQ, wantHi, null, no);
        }
        int maskLo = (int) c.value();
        int wantLo = (int) c.valueTwo();
        if (maskLo == 0) {
            b.jumpTo(wantLo == 0 ? yes : no);
            return;
        }
        b.load(loOffset(c.index()));
        if (maskLo != ANY) {
            b.and(maskLo);
        }
        b.jump(BpfInstruction.JEQ, wantLo, yes, no);
    }

    /**
     * Comparisons (no MASKED_EQ) on one argument whose values share their high half: true
     * when any holds. The high half is compared once; the low half once per condition.
     */
    private void comparisons(List<ArgCondition> any, ProgramBuilder.Label yes, ProgramBuilder.Label no) {
        int index = any.get(0).index();
        int valueHi = high(any.get(0).value());
        boolean trueWhenAbove = any.stream().anyMatch(c -> c.op() == CompareOp.GT || c.op() == CompareOp.GE || c.op() == CompareOp.NE);
        boolean trueWhenBelow = any.stream().anyMatch(c -> c.op() == CompareOp.LT || c.op() == CompareOp.LE || c.op() == CompareOp.NE);
        if (!wide) {
            if (valueHi != 0) {
                b.jumpTo(trueWhenBelow ? yes : no);
                return;
            }
        } else {
            b.load(hiOffset(index));
            if (valueHi != ANY) {
                b.jump(BpfInstruction.JGT, valueHi, trueWhenAbove ? yes : no, null);
            }
            if (valueHi != 0) {
                b.jump(BpfInstruction.JEQ, valueHi, null, trueWhenBelow ? yes : no);
            }
        }
        b.load(loOffset(index));
        for (int i = 0; i < any.size(); i++) {
            ArgCondition c = any.get(i);
            ProgramBuilder.Label miss = i == any.size() - 1 ? no : null;
            int v = (int) c.value();
            switch (c.op()) {
                case EQ -> b.jump(BpfInstruction.JEQ, v, yes, miss);
                case NE -> b.jump(BpfInstruction.JEQ, v, miss, yes);
                case GT -> b.jump(BpfInstruction.JGT, v, yes, miss);
                case GE -> b.jump(BpfInstruction.JGE, v, yes, miss);
                case LT -> b.jump(BpfInstruction.JGE, v, miss, yes);
                case LE -> b.jump(BpfInstruction.JGT, v, miss, yes);
                default -> throw new IllegalArgumentException("masked comparison in a plain group");
            }
        }
    }

    private static int high(long v) {
        return (int) (v >>> 32);
    }

    private static int loOffset(int index) {
        return 16 + 8 * index;
    }

    private static int hiOffset(int index) {
        return 20 + 8 * index;
    }
}
