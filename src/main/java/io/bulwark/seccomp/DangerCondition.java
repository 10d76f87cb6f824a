package io.bulwark.seccomp;

import java.util.ArrayList;
import java.util.List;

/**
 * The arguments that make a syscall dangerous (lint-families.yaml): some bit of
 * {@code anyBits} set in {@code args[index]}, or {@code args[index]} none of {@code notIn}.
 */
public record DangerCondition(int index, Long anyBits, List<Long> notIn) {
    public DangerCondition {
        notIn = notIn == null ? List.of() : List.copyOf(notIn);
        if ((anyBits == null) == notIn.isEmpty()) {
            throw new IllegalArgumentException("give one of anyBits and notIn");
        }
    }

    public boolean holds(long[] args) {
        long v = args[index];
        return anyBits != null ? (v & anyBits) != 0 : !notIn.contains(v);
    }

    /** The same constants as argument conditions, so that argument samples probe around them. */
    List<ArgCondition> conditions() {
        List<ArgCondition> list = new ArrayList<>();
        if (anyBits != null) {
            list.add(new ArgCondition(index, anyBits, 0, CompareOp.MASKED_EQ));
            for (int b = 0; b < 64; b++) {
                if ((anyBits >>> b & 1) != 0) {
                    list.add(new ArgCondition(index, 1L << b, 0, CompareOp.EQ));
                }
            }
        }
        notIn.forEach(v -> list.add(new ArgCondition(index, v, 0, CompareOp.EQ)));
        return list;
    }

    public String text() {
        if (anyBits != null) {
            return "(arg" + index + " & " + ConditionText.hex(anyBits) + ") != 0x0";
        }
        return "arg" + index + " not in " + String.join(" | ", notIn.stream().map(ConditionText::hex).toList());
    }
}
