package io.bulwark.seccomp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every syscall the table of one architecture knows, explained: those with one action
 * grouped by action (allowed, refused with an errno, killed…), those with argument conditions
 * one by one.
 */
public record ArchExplanation(Arch arch, Map<String, List<String>> byAction, List<SyscallExplanation> conditional) {
    private static final int WIDTH = 100;

    public ArchExplanation {
        byAction = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byAction));
        conditional = List.copyOf(conditional);
    }

    public static ArchExplanation of(FilterMeaning m, Arch arch) {
        Map<Action, List<String>> groups = new java.util.TreeMap<>((a, b) -> a.kind() != b.kind()
                ? Integer.compare(b.kind().ret(), a.kind().ret()) : Integer.compare(a.data(), b.data()));
        List<SyscallExplanation> conditional = new ArrayList<>();
        for (int nr : SyscallTable.of(arch).byNumber().keySet()) {
            SyscallExplanation e = Explainer.explain(m, arch, nr);
            if (e.conditional()) {
                conditional.add(e);
            } else {
                groups.computeIfAbsent(e.otherwise(), k -> new ArrayList<>()).add(e.name());
            }
        }
        Map<String, List<String>> byLabel = new LinkedHashMap<>();
        groups.forEach((a, names) -> byLabel.put(a.label(), names.stream().sorted().toList()));
        return new ArchExplanation(arch, byLabel, conditional);
    }

    public String text() {
        StringBuilder s = new StringBuilder(arch.id()).append(":\n");
        byAction.forEach((label, names) -> {
            s.append("  ").append(label).append(" (").append(names.size()).append("):\n");
            wrap(s, names);
        });
        if (!conditional.isEmpty()) {
            s.append("  depending on arguments (").append(conditional.size()).append("):\n");
            conditional.forEach(e -> s.append("    ").append(e.text()).append('\n'));
        }
        return s.toString();
    }

    private static void wrap(StringBuilder s, List<String> names) {
        StringBuilder line = new StringBuilder("   ");
        for (String n : names) {
            if (line.length() + 1 + n.length() > WIDTH) {
                s.append(line).append('\n');
                line = new StringBuilder("   ");
            }
            line.append(' ').append(n);
        }
        s.append(line).append('\n');
    }
}
