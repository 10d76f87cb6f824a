package io.bulwark.seccomp;

import java.util.List;

/**
 * One entry of a profile's {@code syscalls[]}: names (or the old single {@code name}), the
 * action, the argument conditions (all must hold), and when the entry applies.
 * {@code at} is its JSON path, for messages.
 */
public record SyscallRule(String at, List<String> names, Action action, List<ArgCondition> args,
                          RuleFilter includes, RuleFilter excludes, String comment) {
    public SyscallRule {
        names = List.copyOf(names);
        args = List.copyOf(args);
    }
}
