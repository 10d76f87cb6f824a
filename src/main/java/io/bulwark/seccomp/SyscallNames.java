package io.bulwark.seccomp;

import io.bulwark.InputException;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Syscall names given by users: checked against every table bulwark has, with the closest names suggested. */
public final class SyscallNames {
    private static final int SUGGESTIONS = 3;

    private SyscallNames() {
    }

    /** Every syscall name on any architecture. */
    public static Set<String> all() {
        Set<String> names = new TreeSet<>();
        for (Arch a : Arch.values()) {
            names.addAll(SyscallTable.of(a).byName().keySet());
        }
        return names;
    }

    /** The name itself, or an InputException naming it and the closest known names. */
    public static String require(String name) {
        Set<String> all = all();
        if (all.contains(name)) {
            return name;
        }
        throw new InputException("'" + name + "' is not a syscall on " + Arch.ids() + "; did you mean "
                + String.join(", ", closest(name, all)) + "?");
    }

    static List<String> closest(String name, Set<String> names) {
        int near = Math.max(2, name.length() / 2);
        List<String> ranked = names.stream()
                .sorted(Comparator.comparingInt((String n) -> distance(name, n)).thenComparing(n -> n))
                .limit(SUGGESTIONS).toList();
        List<String> close = ranked.stream().filter(n -> distance(name, n) <= near).toList();
        return close.isEmpty() ? ranked.subList(0, 1) : close;
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
