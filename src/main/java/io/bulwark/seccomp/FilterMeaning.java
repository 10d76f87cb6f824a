package io.bulwark.seccomp;

import java.util.List;

/**
 * What a filter decides, whatever form it came in (a resolved profile or a compiled program):
 * the architectures it handles, its action for a syscall and arguments, and the argument
 * conditions that matter for a syscall, so that {@link ArgumentSamples} can find every
 * decision. explain, diff and lint read filters only through this.
 */
public interface FilterMeaning {

    /** The file or profile it came from, for messages. */
    String source();

    /** The architectures the filter handles (native first); other architectures get its bad-arch action. */
    List<Arch> arches();

    Action decide(Arch arch, int nr, long[] args);

    /**
     * The rules whose constants drive the decision for one syscall: the profile's own, or for
     * a compiled program rules inferred from the comparisons it executes.
     */
    List<Rule> rules(Arch arch, int nr);

    /** Whether conditions are inferred from samples (a compiled program) rather than read from a profile. */
    boolean inferred();
}
