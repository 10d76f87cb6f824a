package io.bulwark.seccomp;

import java.util.Optional;

/** The argument comparisons of a profile (SCMP_CMP_*), over unsigned 64-bit values. */
public enum CompareOp {
    NE("!="), LT("<"), LE("<="), EQ("=="), GE(">="), GT(">"), MASKED_EQ("&");

    private final String symbol;

    CompareOp(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    public String scmpName() {
        return "SCMP_CMP_" + name();
    }

    public static Optional<CompareOp> parse(String name) {
        String n = name.startsWith("SCMP_CMP_") ? name.substring("SCMP_CMP_".length()) : name;
        for (CompareOp op : values()) {
            if (op.name().equals(n)) {
                return Optional.of(op);
            }
        }
        return Optional.empty();
    }
}
