package io.bulwark.seccomp;

import java.util.ArrayList;
import java.util.List;

/** Argument conditions as people read them: {@code arg0 == 0x0 | 0x8}, {@code (arg0 & 0x7e020000) == 0x0}. */
final class ConditionText {
    private ConditionText() {
    }

    /** Rules that lead to one action: any of them holding is enough. */
    static String of(List<Rule> rules) {
        if (rules.stream().allMatch(ConditionText::singleEquality)
                && rules.stream().map(r -> r.conditions().get(0).index()).distinct().count() == 1) {
            List<String> values = new ArrayList<>();
            rules.forEach(r -> values.add(hex(r.conditions().get(0).value())));
            return "arg" + rules.get(0).conditions().get(0).index() + " == " + String.join(" | ", values);
        }
        List<String> alternatives = new ArrayList<>();
        for (Rule r : rules) {
            List<String> all = new ArrayList<>();
            r.conditions().forEach(c -> all.add(of(c)));
            String joined = String.join(" && ", all);
            alternatives.add(rules.size() > 1 && all.size() > 1 ? "(" + joined + ")" : joined);
        }
        return String.join(" or ", alternatives);
    }

    static String of(ArgCondition c) {
        if (c.op() == CompareOp.MASKED_EQ) {
            return "(arg" + c.index() + " & " + hex(c.value()) + ") == " + hex(c.valueTwo());
        }
        return "arg" + c.index() + " " + c.op().symbol() + " " + hex(c.value());
    }

    static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }

    private static boolean singleEquality(Rule r) {
        return r.conditions().size() == 1 && r.conditions().get(0).op() == CompareOp.EQ;
    }
}
