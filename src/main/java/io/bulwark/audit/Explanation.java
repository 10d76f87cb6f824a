package io.bulwark.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * Why a rule failed, in words: the tests of its condition that held, with the list items that
 * matched (so "caps.effective contains SYS_ADMIN", not the whole capability set).
 */
public final class Explanation {
    private Explanation() {
    }

    public static List<String> of(Finding finding) {
        List<String> lines = new ArrayList<>();
        collect(finding.rule().failWhen(), new Facts(finding.evidence()), lines);
        return lines;
    }

    private static void collect(Condition c, Facts facts, List<String> lines) {
        if (c.evaluate(facts) != Verdict.TRUE) {
            return;
        }
        if (c instanceof Condition.Test t) {
            lines.add(describe(t, facts.value(t.fact()).orElseThrow()));
        } else if (c instanceof Condition.All all) {
            all.conditions().forEach(part -> collect(part, facts, lines));
        } else if (c instanceof Condition.Any any) {
            any.conditions().forEach(part -> collect(part, facts, lines));
        } else {
            Condition.Not not = (Condition.Not) c;
            lines.add("not (" + String.join("; ", negated(not.condition(), facts)) + ")");
        }
    }

    private static List<String> negated(Condition c, Facts facts) {
        List<String> lines = new ArrayList<>();
        for (String name : c.factNames()) {
            lines.add(name + " = " + facts.value(name).map(String::valueOf).orElse("not observed"));
        }
        return lines;
    }

    /** The first items of a long list, so that one line stays readable; the JSON report has them all. */
    private static String brief(List<?> items) {
        int shown = Math.min(items.size(), 8);
        String head = String.join(", ", items.subList(0, shown).stream().map(String::valueOf).toList());
        return shown == items.size() ? head : head + ", … (" + (items.size() - shown) + " more)";
    }

    private static String describe(Condition.Test t, Object value) {
        if (t.operator() == Operator.CONTAINS_ANY) {
            List<Object> hits = new ArrayList<>((List<?>) t.operand());
            hits.retainAll((List<?>) value);
            return t.fact() + " contains " + String.join(", ", hits.stream().map(String::valueOf).toList());
        }
        if (t.operator() == Operator.CONTAINS || t.operator() == Operator.CONTAINS_ALL) {
            return t.fact() + " contains " + (t.operand() instanceof List<?> l
                    ? String.join(", ", l.stream().map(String::valueOf).toList()) : t.operand());
        }
        if (t.operator() == Operator.EMPTY) {
            List<?> items = (List<?>) value;
            return items.isEmpty() ? t.fact() + " is empty" : t.fact() + " has " + items.size() + ": " + brief(items);
        }
        if (t.operator() == Operator.IS) {
            return t.fact() + " = " + value;
        }
        return t.fact() + " = " + value + " (" + t.operator().key() + " " + t.operand() + ")";
    }
}
