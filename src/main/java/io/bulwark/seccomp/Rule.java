package io.bulwark.seccomp;

import java.util.List;

/**
 * One resolved rule for one syscall number on one architecture: the argument conditions
 * (all must hold; none means unconditional) and the action. {@code origin} is the profile
 * rule's JSON path.
 */
public record Rule(List<ArgCondition> conditions, Action action, String origin) {
    public Rule {
        conditions = List.copyOf(conditions);
    }

    public boolean unconditional() {
        return conditions.isEmpty();
    }

    public boolean matches(long[] args) {
        for (ArgCondition c : conditions) {
            if (!c.test(args[c.index()])) {
                return false;
            }
        }
        return true;
    }
}
