package io.bulwark.seccomp;

/** A compiled profile: the program, the policy it was compiled from, and the seccomp(2) flags. */
public record CompiledFilter(BpfProgram program, Policy policy, int flags) {
}
