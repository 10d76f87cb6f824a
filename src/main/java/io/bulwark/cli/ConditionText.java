package io.bulwark.cli;

import io.bulwark.audit.Condition;
import java.util.List;
import java.util.stream.Collectors;

/** A rule condition as one readable line. */
final class ConditionText {
    private ConditionText() {
    }

    static String of(Condition c) {
        if (c instanceof Condition.Test t) {
            return t.fact() + " " + t.operator().key() + " " + t.operand();
        }
        if (c instanceof Condition.All a) {
            return join(a.conditions(), " and ");
        }
        if (c instanceof Condition.Any a) {
            return join(a.conditions(), " or ");
        }
        return "not " + of(((Condition.Not) c).condition());
    }

    private static String join(List<Condition> parts, String glue) {
        return parts.stream().map(ConditionText::of).collect(Collectors.joining(glue, "(", ")"));
    }
}
