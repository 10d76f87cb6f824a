package io.bulwark.audit;

import java.util.List;

/** The value types a fact can hold; conditions are type-checked against them when rules load. */
public enum FactType {
    /** {@link Boolean}. */
    BOOLEAN,
    /** {@link Long}. */
    NUMBER,
    /** {@link String}. */
    TEXT,
    /** {@code List<String>}. */
    LIST;

    public boolean accepts(Object value) {
        return switch (this) {
            case BOOLEAN -> value instanceof Boolean;
            case NUMBER -> value instanceof Long;
            case TEXT -> value instanceof String;
            case LIST -> value instanceof List<?> list && list.stream().allMatch(String.class::isInstance);
        };
    }
}
