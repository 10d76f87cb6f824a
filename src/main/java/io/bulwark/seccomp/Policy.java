package io.bulwark.seccomp;

import java.util.List;
import java.util.Optional;

/**
 * A profile resolved for one target: the architectures of the filter (native first), the
 * rules per syscall number on each, the default action, the flags, and notes on what was
 * skipped (names unknown on an architecture, rules that repeat the default).
 */
public record Policy(String source, Action defaultAction, List<ArchPolicy> arches, List<String> flags,
                     List<String> notes) {
    public Policy {
        arches = List.copyOf(arches);
        flags = List.copyOf(flags);
        notes = List.copyOf(notes);
    }

    public Optional<ArchPolicy> arch(Arch arch) {
        return arches.stream().filter(a -> a.arch() == arch).findFirst();
    }

    public Arch nativeArch() {
        return arches.get(0).arch();
    }
}
