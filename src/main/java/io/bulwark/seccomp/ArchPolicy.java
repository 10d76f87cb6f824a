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
     * unconditional rule decides its syscall (as in libseccomp, it replaces the conditional
     * ones); otherwise, of the rules whose conditions all hold, the most restrictive action
     * wins, as the kernel ranks stacked filters (the first in profile order among equals).
     * This is the meaning the compiled program must have.
     */
    public Action decide(int nr, long[] args, Action fallback) {
        List<Rule> list = rulesFor(nr);
        for (Rule r : list) {
            if (r.unconditional()) {
                return r.action();
            }
        }
        Action decided = null;
        for (Rule r : list) {
            if (r.matches(args) && (decided == null || r.action().overrides(decided))) {
                decided = r.action();
            }
        }
        return decided == null ? fallback : decided;
    }
}
