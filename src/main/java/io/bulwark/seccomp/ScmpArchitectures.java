package io.bulwark.seccomp;

import java.util.List;
import java.util.Set;

/** The architecture names a profile may use, from scmp-architectures.txt. */
final class ScmpArchitectures {
    private static final Set<String> NAMES = Set.copyOf(BundledData.lines("scmp-architectures.txt"));

    private ScmpArchitectures() {
    }

    static boolean known(String name) {
        return NAMES.contains(name);
    }

    static List<String> all() {
        return NAMES.stream().sorted().toList();
    }
}
