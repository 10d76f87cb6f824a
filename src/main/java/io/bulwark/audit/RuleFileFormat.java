package io.bulwark.audit;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shape of a rule file as Jackson reads it. Unknown keys are refused by the reader;
 * {@link #toRules} checks the rest against the fact catalog.
 */
final class RuleFileFormat {
    private RuleFileFormat() {
    }

    record File(
            @JsonProperty(value = "surface", required = true) String surface,
            @JsonProperty(value = "rules", required = true) List<RuleEntry> rules) {
    }

    record RuleEntry(
            @JsonProperty("id") String id,
            @JsonProperty("title") String title,
            @JsonProperty("severity") String severity,
            @JsonProperty("references") References references,
            @JsonProperty("fail-when") ConditionEntry failWhen,
            @JsonProperty("why") String why,
            @JsonProperty("fix") String fix,
            @JsonProperty("run-option") String runOption) {
    }

    /** Either one fact test ({@code fact} plus exactly one operator) or one combinator. */
    record ConditionEntry(
            @JsonProperty("fact") String fact,
            @JsonProperty("is") Object is,
            @JsonProperty("is-not") Object isNot,
            @JsonProperty("one-of") Object oneOf,
            @JsonProperty("contains") Object contains,
            @JsonProperty("contains-any") Object containsAny,
            @JsonProperty("contains-all") Object containsAll,
            @JsonProperty("empty") Object empty,
            @JsonProperty("at-least") Object atLeast,
            @JsonProperty("at-most") Object atMost,
            @JsonProperty("matches") Object matches,
            @JsonProperty("all") List<ConditionEntry> all,
            @JsonProperty("any") List<ConditionEntry> any,
            @JsonProperty("not") ConditionEntry not) {

        Map<Operator, Object> operators() {
            Map<Operator, Object> present = new LinkedHashMap<>();
            Object[] operands = {is, isNot, oneOf, contains, containsAny, containsAll, empty, atLeast, atMost, matches};
            Operator[] ops = {Operator.IS, Operator.IS_NOT, Operator.ONE_OF, Operator.CONTAINS, Operator.CONTAINS_ANY,
                Operator.CONTAINS_ALL, Operator.EMPTY, Operator.AT_LEAST, Operator.AT_MOST, Operator.MATCHES};
            for (int i = 0; i < ops.length; i++) {
                if (operands[i] != null) {
                    present.put(ops[i], operands[i]);
                }
            }
            return present;
        }
    }

    /** Validates one parsed file into rules; every problem is reported with its place in the file. */
    static List<Rule> toRules(File file, String source, FactCatalog catalog) {
        Surface surface = parse(source, "surface", () -> Surface.parse(file.surface()));
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < file.rules().size(); i++) {
            RuleEntry e = file.rules().get(i);
            String at = "rules[" + i + "]";
            if (e == null) {
                throw new RuleFileException(source, at + ": empty rule");
            }
            String id = required(source, at, "id", e.id());
            at = at + " (" + id + ")";
            String where = at;
            rules.add(new Rule(
                    id,
                    surface,
                    required(source, at, "title", e.title()),
                    parse(source, at + ".severity", () -> Severity.parse(required(source, where, "severity", e.severity()))),
                    e.references() == null ? References.none() : e.references(),
                    condition(source, at + ".fail-when", requiredCondition(source, at, e.failWhen()), catalog),
                    required(source, at, "why", e.why()).strip(),
                    required(source, at, "fix", e.fix()).strip(),
                    e.runOption() == null ? "" : e.runOption().strip(),
                    source));
        }
        return rules;
    }

    private static ConditionEntry requiredCondition(String source, String at, ConditionEntry c) {
        if (c == null) {
            throw new RuleFileException(source, at + ": missing 'fail-when'");
        }
        return c;
    }

    private static Condition condition(String source, String at, ConditionEntry c, FactCatalog catalog) {
        Map<Operator, Object> ops = c.operators();
        int combinators = (c.all() != null ? 1 : 0) + (c.any() != null ? 1 : 0) + (c.not() != null ? 1 : 0);
        if (c.fact() != null) {
            if (ops.size() != 1 || combinators != 0) {
                throw new RuleFileException(source, at + ": a test of '" + c.fact()
                        + "' needs exactly one operator (is, is-not, one-of, contains, contains-any, contains-all, empty, at-least, at-most, matches)");
            }
            FactSpec spec = catalog.find(c.fact()).orElseThrow(() -> new RuleFileException(source,
                    at + ": unknown fact '" + c.fact() + "' (see 'bulwark rules facts' for the names)"));
            Map.Entry<Operator, Object> op = ops.entrySet().iterator().next();
            if (!op.getKey().accepts(spec.type())) {
                throw new RuleFileException(source, at + ": '" + op.getKey().key() + "' does not apply to "
                        + spec.type().name().toLowerCase() + " fact '" + c.fact() + "'");
            }
            Object operand = parse(source, at, () -> op.getKey().checkOperand(spec.type(), op.getValue()));
            return new Condition.Test(c.fact(), op.getKey(), operand);
        }
        if (!ops.isEmpty() || combinators != 1) {
            throw new RuleFileException(source, at + ": a condition is either 'fact' with one operator, or one of 'all', 'any', 'not'");
        }
        if (c.not() != null) {
            return new Condition.Not(condition(source, at + ".not", c.not(), catalog));
        }
        boolean all = c.all() != null;
        List<ConditionEntry> parts = all ? c.all() : c.any();
        if (parts.isEmpty()) {
            throw new RuleFileException(source, at + ": '" + (all ? "all" : "any") + "' needs at least one condition");
        }
        List<Condition> conditions = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            conditions.add(condition(source, at + "." + (all ? "all" : "any") + "[" + i + "]", parts.get(i), catalog));
        }
        return all ? new Condition.All(conditions) : new Condition.Any(conditions);
    }

    private static String required(String source, String at, String key, String value) {
        if (value == null || value.isBlank()) {
            throw new RuleFileException(source, at + ": missing '" + key + "'");
        }
        return value;
    }

    private static <T> T parse(String source, String at, java.util.function.Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw new RuleFileException(source, at + ": " + e.getMessage(), e);
        }
    }
}
