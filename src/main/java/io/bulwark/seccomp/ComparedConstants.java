package io.bulwark.seccomp;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Infers a compiled program's argument conditions for one syscall from the comparisons it
 * executes: run it on the zero arguments, turn every comparison of an argument half into a
 * condition on that argument, sample around those ({@link ArgumentSamples}), run again, until
 * no new comparison shows up. A program only branches on constants it compares against, so
 * the samples reach its decisions; they are still samples, and the result says so.
 */
final class ComparedConstants {
    private static final int ROUNDS = 4;

    private ComparedConstants() {
    }

    static List<Rule> infer(BpfProgram program, Arch arch, int nr) {
        Set<ArgCondition> found = new LinkedHashSet<>();
        List<long[]> vectors = List.<long[]>of(new long[6]);
        for (int round = 0; round < ROUNDS; round++) {
            int before = found.size();
            for (long[] args : vectors) {
                Emulator.run(program, new SeccompData(nr, arch.auditArch(), 0, args),
                        (offset, mask, code, k) -> condition(offset, mask, code, k).ifPresent(found::add));
            }
            if (found.size() == before) {
                break;
            }
            vectors = ArgumentSamples.of(arch, rules(found));
        }
        return rules(found);
    }

    private static List<Rule> rules(Set<ArgCondition> conditions) {
        List<Rule> rules = new ArrayList<>();
        for (ArgCondition c : conditions) {
            rules.add(new Rule(List.of(c), Action.ALLOW, "inferred"));
        }
        return rules;
    }

    /** The condition one comparison of an argument half stands for (empty for nr, arch, ip). */
    private static java.util.Optional<ArgCondition> condition(int offset, int mask, int code, int k) {
        if (offset < 16 || offset >= BpfProgram.SECCOMP_DATA_SIZE) {
            return java.util.Optional.empty();
        }
        int index = (offset - 16) / 8;
        int shift = (offset - 16) % 8 == 0 ? 0 : 32;
        long value = Integer.toUnsignedLong(k) << shift;
        long maskValue = Integer.toUnsignedLong(mask) << shift;
        if ((code & 0xf0) == BpfInstruction.JSET) {
            return java.util.Optional.of(new ArgCondition(index, value, 0, CompareOp.MASKED_EQ));
        }
        if (mask != -1) {
            return java.util.Optional.of(new ArgCondition(index, maskValue, value, CompareOp.MASKED_EQ));
        }
        return java.util.Optional.of(new ArgCondition(index, value, 0, CompareOp.EQ));
    }
}
