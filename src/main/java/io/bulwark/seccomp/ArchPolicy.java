package io.bulwark.seccomp;

import java.util.List;
import java.util.Map;

/**
 * The rules of one architecture, by syscall number, in profile order; {@code highestNamed} is
 * the highest number the profile names on this architecture (for the ENOSYS option).
 */
public record ArchPolicy(Arch arch, Map<Integer, List<Rule>> rules, int highestNamed) {
    public ArchPolicy {
        rules = Map.copyOf(rules);
    }

    public List<Rule> rulesFor(int nr) {
        return rules.getOrDefault(nr, List.of());
    }

    /**
     * The profile's decision for a syscall with these arguments, or {@code fallback}: an
     * unconditional rule decides its syscall; otherwise the first rule whose conditions all
     * hold. This is the meaning the compiled program must have.
     */
    public Action decide(int nr, long[] args, Action fallback) {
        List<Rule> list = rulesFor(nr);
        for (Rule r : list) {
            if (r.unconditional()) {
                return r.action();
            }
        }
        for (Rule r : list) {
            if (r.matches(args)) {
                return r.action();
            }
        }
        return fallback;
    }
}
