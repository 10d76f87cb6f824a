package io.bulwark.audit;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A rule's condition over facts. A rule fails when its condition is TRUE, passes when FALSE,
 * and is not-applicable when the facts it needs were not observed (UNKNOWN). Combinators
 * follow Kleene logic, so {@code any} is TRUE as soon as one branch is, however many are unknown.
 */
public sealed interface Condition {

    Verdict evaluate(Facts facts);

    /** The names of every fact this condition reads. */
    Set<String> factNames();

    /** One comparison of one fact. */
    record Test(String fact, Operator operator, Object operand) implements Condition {
        @Override
        public Verdict evaluate(Facts facts) {
            return facts.value(fact).map(v -> Verdict.of(operator.test(v, operand))).orElse(Verdict.UNKNOWN);
        }

        @Override
        public Set<String> factNames() {
            return Set.of(fact);
        }
    }

    record All(List<Condition> conditions) implements Condition {
        @Override
        public Verdict evaluate(Facts facts) {
            Verdict result = Verdict.TRUE;
            for (Condition c : conditions) {
                Verdict v = c.evaluate(facts);
                if (v == Verdict.FALSE) {
                    return Verdict.FALSE;
                }
                if (v == Verdict.UNKNOWN) {
                    result = Verdict.UNKNOWN;
                }
            }
            return result;
        }

        @Override
        public Set<String> factNames() {
            return union(conditions);
        }
    }

    record Any(List<Condition> conditions) implements Condition {
        @Override
        public Verdict evaluate(Facts facts) {
            Verdict result = Verdict.FALSE;
            for (Condition c : conditions) {
                Verdict v = c.evaluate(facts);
                if (v == Verdict.TRUE) {
                    return Verdict.TRUE;
                }
                if (v == Verdict.UNKNOWN) {
                    result = Verdict.UNKNOWN;
                }
            }
            return result;
        }

        @Override
        public Set<String> factNames() {
            return union(conditions);
        }
    }

    record Not(Condition condition) implements Condition {
        @Override
        public Verdict evaluate(Facts facts) {
            return condition.evaluate(facts).not();
        }

        @Override
        public Set<String> factNames() {
            return condition.factNames();
        }
    }

    private static Set<String> union(List<Condition> conditions) {
        Set<String> names = new LinkedHashSet<>();
        conditions.forEach(c -> names.addAll(c.factNames()));
        return names;
    }
}
