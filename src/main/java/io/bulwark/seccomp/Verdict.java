package io.bulwark.seccomp;

import java.util.List;

/** What the filter does for one syscall number: return at once, or test the arguments first. */
public sealed interface Verdict permits Verdict.Return, Verdict.Conditional {

    /** An answer that needs no argument: the kind of verdict the kernel's action cache can skip. */
    record Return(Action action) implements Verdict {
    }

    /** Rules with argument conditions, tried in order; {@code fallback} when none holds. */
    record Conditional(Arch arch, int nr, List<Rule> rules, Action fallback) implements Verdict {
        public Conditional {
            rules = List.copyOf(rules);
        }
    }
}
