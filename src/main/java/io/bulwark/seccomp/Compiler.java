package io.bulwark.seccomp;

import io.bulwark.InputException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles a resolved {@link Policy} to classic BPF: the architecture check first, then per
 * architecture section one load of the syscall number and a weighted binary search over
 * merged intervals ({@link NumberLine}, {@link SearchTree}) whose leaves are shared returns
 * or argument tests ({@link RuleCode}). Every syscall with an argument-free verdict reaches
 * its return through loads of nr/arch and K-jumps only, the form the kernel's action cache
 * recognises.
 */
public final class Compiler {
    private final ProgramBuilder b = new ProgramBuilder();
    private final Map<Verdict.Conditional, ProgramBuilder.Label> tests = new LinkedHashMap<>();

    private Compiler() {
    }

    public static CompiledFilter compile(Policy policy, CompileOptions options) {
        BpfProgram program = new Compiler().program(policy, options);
        if (program.length() > BpfProgram.MAX_INSTRUCTIONS) {
            throw tooLong(policy, Integer.toString(program.length()));
        }
        return new CompiledFilter(program, policy, FilterFlags.bits(policy.flags()));
    }

    private static InputException tooLong(Policy policy, String length) {
        return new InputException(policy.source() + ": the filter compiles to " + length
                + " instructions, more than the kernel's limit of " + BpfProgram.MAX_INSTRUCTIONS
                + "; use fewer argument conditions or fewer architectures");
    }

    private BpfProgram program(Policy policy, CompileOptions options) {
        Map<Integer, List<ArchPolicy>> sections = new LinkedHashMap<>();
        for (ArchPolicy p : policy.arches()) {
            sections.computeIfAbsent(p.arch().auditArch(), k -> new ArrayList<>()).add(p);
        }
        Map<Integer, ProgramBuilder.Label> entry = new HashMap<>();
        b.load(4);
        for (int audit : sections.keySet()) {
            ProgramBuilder.Label l = b.label();
            entry.put(audit, l);
            b.jump(BpfInstruction.JEQ, audit, l, null);
        }
        b.ret(options.badArch().ret());
        for (Map.Entry<Integer, List<ArchPolicy>> s : sections.entrySet()) {
            b.place(entry.get(s.getKey()));
            section(s.getValue(), policy.defaultAction(), options);
        }
        b.emitReturns();
        if (b.size() > BpfProgram.MAX_INSTRUCTIONS) {
            throw tooLong(policy, "at least " + b.size());
        }
        return b.build();
    }

    private void section(List<ArchPolicy> section, Action defaultAction, CompileOptions options) {
        tests.clear();
        List<Interval> intervals = NumberLine.build(section, defaultAction, options);
        double[] weights = SearchTree.weights(intervals, section);
        double[] prefix = new double[weights.length + 1];
        for (int i = 0; i < weights.length; i++) {
            prefix[i + 1] = prefix[i] + weights[i];
        }
        b.load(0);
        SearchTree.Node root = SearchTree.build(intervals, weights);
        if (root.leaf()) {
            b.jumpTo(target(intervals.get(root.first())));
        } else {
            tree(root, intervals, prefix);
        }
        for (Map.Entry<Verdict.Conditional, ProgramBuilder.Label> t : tests.entrySet()) {
            b.place(t.getValue());
            RuleCode.emit(b, t.getKey());
        }
    }

    /** One comparison per inner node; the heavier side falls through, the lighter is jumped to. */
    private void tree(SearchTree.Node n, List<Interval> intervals, double[] prefix) {
        SearchTree.Node below = n.below();
        SearchTree.Node above = n.atOrAbove();
        int bound = (int) n.bound();
        if (below.leaf() && above.leaf()) {
            b.jump(BpfInstruction.JGE, bound, target(intervals.get(above.first())), target(intervals.get(below.first())));
            return;
        }
        boolean aboveFirst = below.leaf()
                || (!above.leaf() && weight(above, prefix) > weight(below, prefix));
        SearchTree.Node first = aboveFirst ? above : below;
        SearchTree.Node second = aboveFirst ? below : above;
        ProgramBuilder.Label secondLabel = second.leaf() ? target(intervals.get(second.first())) : b.label();
        if (aboveFirst) {
            b.jump(BpfInstruction.JGE, bound, null, secondLabel);
        } else {
            b.jump(BpfInstruction.JGE, bound, secondLabel, null);
        }
        tree(first, intervals, prefix);
        if (!second.leaf()) {
            b.place(secondLabel);
            tree(second, intervals, prefix);
        }
    }

    private static double weight(SearchTree.Node n, double[] prefix) {
        return prefix[n.last() + 1] - prefix[n.first()];
    }

    private ProgramBuilder.Label target(Interval iv) {
        if (iv.verdict() instanceof Verdict.Return r) {
            return b.returnOf(r.action().ret());
        }
        return tests.computeIfAbsent((Verdict.Conditional) iv.verdict(), v -> b.label());
    }
}
