package io.bulwark.seccomp;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Two filters compared by meaning: on every architecture either handles, every syscall
 * number up to one past the highest the table knows, on the argument samples of both
 * filters' conditions. An architecture only one of them handles is one difference, not a
 * list of every syscall on it.
 */
public record FilterDiff(String a, String b, List<String> arches, List<String> archDifferences,
                         List<SyscallDifference> differences) {

    public FilterDiff {
        arches = List.copyOf(arches);
        archDifferences = List.copyOf(archDifferences);
        differences = List.copyOf(differences);
    }

    public boolean same() {
        return archDifferences.isEmpty() && differences.isEmpty();
    }

    public static FilterDiff of(FilterMeaning a, FilterMeaning b) {
        Set<Arch> union = new LinkedHashSet<>(a.arches());
        union.addAll(b.arches());
        List<String> archDifferences = new ArrayList<>();
        List<SyscallDifference> differences = new ArrayList<>();
        for (Arch arch : union) {
            boolean inA = a.arches().contains(arch);
            boolean inB = b.arches().contains(arch);
            if (inA != inB) {
                archDifferences.add(arch.id() + ": handled by " + (inA ? "A" : "B") + " only; the other refuses every "
                        + arch.id() + " call with its bad-architecture action");
                continue;
            }
            SyscallTable table = SyscallTable.of(arch);
            int first = arch == Arch.X32 ? Arch.X32_SYSCALL_BIT : 0;
            for (int nr = first; nr <= table.highest() + 1; nr++) {
                compare(a, b, arch, nr).ifPresent(differences::add);
            }
        }
        return new FilterDiff(a.source(), b.source(), union.stream().map(Arch::id).toList(), archDifferences, differences);
    }

    private static java.util.Optional<SyscallDifference> compare(FilterMeaning a, FilterMeaning b, Arch arch, int nr) {
        List<Rule> rules = new ArrayList<>(a.rules(arch, nr));
        rules.addAll(b.rules(arch, nr));
        for (long[] args : ArgumentSamples.of(arch, rules)) {
            Action x = a.decide(arch, nr, args);
            Action y = b.decide(arch, nr, args);
            if (!x.equals(y)) {
                SyscallExplanation ea = Explainer.explain(a, arch, nr);
                SyscallExplanation eb = Explainer.explain(b, arch, nr);
                return java.util.Optional.of(new SyscallDifference(arch.id(), nr, ea.name(), ea.verdict(), eb.verdict(),
                        example(args), x.label(), y.label()));
            }
        }
        return java.util.Optional.empty();
    }

    /** The non-zero arguments of a vector, or "no arguments" when all are zero. */
    private static String example(long[] args) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i] != 0) {
                parts.add("arg" + i + " == " + ConditionText.hex(args[i]));
            }
        }
        return parts.isEmpty() ? "arguments 0" : String.join(", ", parts);
    }

    public String text() {
        StringBuilder s = new StringBuilder("A: ").append(a).append("\nB: ").append(b).append('\n');
        archDifferences.forEach(d -> s.append(d).append('\n'));
        differences.forEach(d -> s.append(d.text()).append('\n'));
        if (same()) {
            s.append("same decisions on ").append(String.join(", ", arches))
                    .append(" (every syscall number, on the argument samples of both)\n");
        } else {
            s.append(archDifferences.size() + differences.size()).append(" difference(s)\n");
        }
        return s.toString();
    }
}
