package io.bulwark.seccomp;

import java.util.List;

/**
 * What a filter does with one syscall on one architecture: one action, or actions under
 * argument conditions (the first whose condition holds) and {@code otherwise}. When
 * {@code inferred}, the conditions were read off a compiled program by running it on
 * {@code samples} argument vectors, not from a profile.
 */
public record SyscallExplanation(Arch arch, int nr, String name, List<Branch> branches, Action otherwise,
                                 boolean inferred, int samples) {

    /** An action and the argument condition under which the filter takes it. */
    public record Branch(Action action, String when) {
    }

    public SyscallExplanation {
        branches = List.copyOf(branches);
    }

    public boolean conditional() {
        return !branches.isEmpty();
    }

    /** {@code ALLOW if arg0 == 0x0 | 0x8; else ERRNO(EPERM)}, or just the action. */
    public String verdict() {
        if (!conditional()) {
            return otherwise.label();
        }
        StringBuilder s = new StringBuilder();
        for (Branch b : branches) {
            s.append(s.length() == 0 ? "" : "; ").append(b.action().label()).append(" if ").append(b.when());
        }
        if (otherwise != null) {
            s.append("; else ").append(otherwise.label());
        }
        if (inferred) {
            s.append(" (inferred from ").append(samples).append(" argument samples)");
        }
        return s.toString();
    }

    public String text() {
        return name + ": " + verdict();
    }
}
