package io.bulwark.seccomp;

/**
 * One argument test of a rule: {@code args[index] OP value}, or for MASKED_EQ
 * {@code (args[index] & value) == valueTwo} — Docker's and libseccomp's reading of the fields.
 */
public record ArgCondition(int index, long value, long valueTwo, CompareOp op) {
    public static final int MAX_INDEX = 5;

    public ArgCondition {
        if (index < 0 || index > MAX_INDEX) {
            throw new IllegalArgumentException("argument index " + index + " is outside 0..5");
        }
    }

    /** Whether a 64-bit argument satisfies this condition. */
    public boolean test(long arg) {
        return switch (op) {
            case NE -> arg != value;
            case LT -> Long.compareUnsigned(arg, value) < 0;
            case LE -> Long.compareUnsigned(arg, value) <= 0;
            case EQ -> arg == value;
            case GE -> Long.compareUnsigned(arg, value) >= 0;
            case GT -> Long.compareUnsigned(arg, value) > 0;
            case MASKED_EQ -> (arg & value) == valueTwo;
        };
    }

    @Override
    public String toString() {
        if (op == CompareOp.MASKED_EQ) {
            return "(arg" + index + " & " + hex(value) + ") == " + hex(valueTwo);
        }
        return "arg" + index + " " + op.symbol() + " " + hex(value);
    }

    static String hex(long v) {
        return Long.compareUnsigned(v, 4096) < 0 ? Long.toString(v) : "0x" + Long.toHexString(v);
    }
}
