package io.bulwark.seccomp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Explains one syscall of a {@link FilterMeaning}: for a profile, from its rules (most
 * restrictive action first, as the filter decides); for a compiled program, from the actions
 * it returns on argument samples.
 */
public final class Explainer {
    private static final int MAX_LISTED = 8;

    private Explainer() {
    }

    public static SyscallExplanation explain(FilterMeaning m, Arch arch, int nr) {
        String name = SyscallTable.of(arch).name(nr).orElse("#" + Integer.toUnsignedString(nr));
        List<Rule> rules = m.rules(arch, nr);
        List<long[]> samples = ArgumentSamples.of(arch, rules);
        if (m.inferred()) {
            return fromSamples(m, arch, nr, name, samples);
        }
        if (rules.isEmpty() || rules.stream().anyMatch(Rule::unconditional)) {
            return new SyscallExplanation(arch, nr, name, List.of(), m.decide(arch, nr, new long[6]), false, 0);
        }
        Action otherwise = null;
        for (long[] v : samples) {
            if (rules.stream().noneMatch(r -> r.matches(v))) {
                otherwise = m.decide(arch, nr, v);
                break;
            }
        }
        return new SyscallExplanation(arch, nr, name, fromRules(rules), otherwise, false, 0);
    }

    /** Rules grouped by action, most restrictive first: the order in which the filter decides. */
    private static List<SyscallExplanation.Branch> fromRules(List<Rule> rules) {
        Map<Action, List<Rule>> byAction = new LinkedHashMap<>();
        List<Rule> ranked = new ArrayList<>(rules);
        ranked.sort((a, b) -> Integer.compare(a.action().kind().ret(), b.action().kind().ret()));
        for (Rule r : ranked) {
            byAction.computeIfAbsent(r.action(), k -> new ArrayList<>()).add(r);
        }
        List<SyscallExplanation.Branch> branches = new ArrayList<>();
        byAction.forEach((action, list) -> branches.add(new SyscallExplanation.Branch(action, ConditionText.of(list))));
        return branches;
    }

    private static SyscallExplanation fromSamples(FilterMeaning m, Arch arch, int nr, String name, List<long[]> samples) {
        Map<Action, List<long[]>> byAction = new LinkedHashMap<>();
        for (long[] v : samples) {
            byAction.computeIfAbsent(m.decide(arch, nr, v), k -> new ArrayList<>()).add(v);
        }
        if (byAction.size() == 1) {
            return new SyscallExplanation(arch, nr, name, List.of(), byAction.keySet().iterator().next(), true, samples.size());
        }
        Action otherwise = null;
        for (Map.Entry<Action, List<long[]>> e : byAction.entrySet()) {
            if (otherwise == null || e.getValue().size() > byAction.get(otherwise).size()) {
                otherwise = e.getKey();
            }
        }
        List<Integer> varying = varying(samples);
        List<SyscallExplanation.Branch> branches = new ArrayList<>();
        List<Action> actions = new ArrayList<>(byAction.keySet());
        actions.sort((a, b) -> Integer.compare(a.kind().ret(), b.kind().ret()));
        for (Action a : actions) {
            if (!a.equals(otherwise)) {
                branches.add(new SyscallExplanation.Branch(a, sampled(byAction.get(a), varying)));
            }
        }
        return new SyscallExplanation(arch, nr, name, branches, otherwise, true, samples.size());
    }

    private static List<Integer> varying(List<long[]> samples) {
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            final int n = i;
            if (samples.stream().anyMatch(v -> v[n] != 0)) {
                idx.add(i);
            }
        }
        return idx;
    }

    /** The sampled argument values that led to one action: {@code arg0 == 0x0 | 0x8}. */
    private static String sampled(List<long[]> vectors, List<Integer> varying) {
        List<String> alternatives = new ArrayList<>();
        if (varying.size() == 1) {
            int i = varying.get(0);
            TreeSet<Long> values = new TreeSet<>(Long::compareUnsigned);
            vectors.forEach(v -> values.add(v[i]));
            values.forEach(v -> alternatives.add(ConditionText.hex(v)));
            return "arg" + i + " == " + joined(alternatives, " | ");
        }
        for (long[] v : vectors) {
            List<String> parts = new ArrayList<>();
            varying.forEach(i -> parts.add("arg" + i + " == " + ConditionText.hex(v[i])));
            alternatives.add("(" + String.join(" && ", parts) + ")");
        }
        return joined(alternatives, " or ");
    }

    private static String joined(List<String> items, String separator) {
        if (items.size() <= MAX_LISTED) {
            return String.join(separator, items);
        }
        return String.join(separator, items.subList(0, MAX_LISTED)) + separator + "… (" + (items.size() - MAX_LISTED) + " more)";
    }
}
