package io.bulwark.audit;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/** The comparisons a rule condition can make on one fact, and the fact types each accepts. */
public enum Operator {
    IS("is", Set.of(FactType.BOOLEAN, FactType.NUMBER, FactType.TEXT, FactType.LIST)),
    IS_NOT("is-not", Set.of(FactType.BOOLEAN, FactType.NUMBER, FactType.TEXT, FactType.LIST)),
    ONE_OF("one-of", Set.of(FactType.NUMBER, FactType.TEXT)),
    CONTAINS("contains", Set.of(FactType.LIST)),
    CONTAINS_ANY("contains-any", Set.of(FactType.LIST)),
    CONTAINS_ALL("contains-all", Set.of(FactType.LIST)),
    EMPTY("empty", Set.of(FactType.LIST)),
    AT_LEAST("at-least", Set.of(FactType.NUMBER)),
    AT_MOST("at-most", Set.of(FactType.NUMBER)),
    MATCHES("matches", Set.of(FactType.TEXT));

    private final String key;
    private final Set<FactType> accepts;

    Operator(String key, Set<FactType> accepts) {
        this.key = key;
        this.accepts = accepts;
    }

    /** The key that names this operator in a rule file. */
    public String key() {
        return key;
    }

    public boolean accepts(FactType type) {
        return accepts.contains(type);
    }

    /**
     * Checks that {@code operand} is of the kind this operator needs for a fact of
     * {@code type}, and returns it normalised (YAML integers become Long, regexes compile).
     */
    Object checkOperand(FactType type, Object operand) {
        operand = widen(operand);
        Object checked = switch (this) {
            case IS, IS_NOT -> type.accepts(operand) ? operand : null;
            case ONE_OF -> operand instanceof List<?> l && l.stream().allMatch(type::accepts) ? operand : null;
            case CONTAINS -> operand instanceof String ? operand : null;
            case CONTAINS_ANY, CONTAINS_ALL -> FactType.LIST.accepts(operand) ? operand : null;
            case EMPTY -> operand instanceof Boolean ? operand : null;
            case AT_LEAST, AT_MOST -> operand instanceof Long ? operand : null;
            case MATCHES -> operand instanceof String s ? Pattern.compile(s) : null;
        };
        if (checked == null) {
            throw new IllegalArgumentException("'" + key + "' on a " + type.name().toLowerCase()
                    + " fact needs " + operandKind() + ", got " + describe(operand));
        }
        return checked;
    }

    /** YAML gives small whole numbers as Integer; facts hold Long. */
    private static Object widen(Object operand) {
        if (operand instanceof Integer i) {
            return i.longValue();
        }
        if (operand instanceof List<?> list) {
            return list.stream().map(Operator::widen).toList();
        }
        return operand;
    }

    private String operandKind() {
        return switch (this) {
            case IS, IS_NOT -> "a value of the fact's type";
            case ONE_OF -> "a list of values of the fact's type";
            case CONTAINS, MATCHES -> "a string";
            case CONTAINS_ANY, CONTAINS_ALL -> "a list of strings";
            case EMPTY -> "true or false";
            case AT_LEAST, AT_MOST -> "a whole number";
        };
    }

    private static String describe(Object operand) {
        return operand == null ? "nothing" : "'" + operand + "'";
    }

    boolean test(Object value, Object operand) {
        return switch (this) {
            case IS -> Objects.equals(value, operand);
            case IS_NOT -> !Objects.equals(value, operand);
            case ONE_OF -> ((List<?>) operand).contains(value);
            case CONTAINS -> ((List<?>) value).contains(operand);
            case CONTAINS_ANY -> ((List<?>) operand).stream().anyMatch(((List<?>) value)::contains);
            case CONTAINS_ALL -> ((List<?>) value).containsAll((List<?>) operand);
            case EMPTY -> ((List<?>) value).isEmpty() == (Boolean) operand;
            case AT_LEAST -> (Long) value >= (Long) operand;
            case AT_MOST -> (Long) value <= (Long) operand;
            case MATCHES -> ((Pattern) operand).matcher((String) value).find();
        };
    }
}
