package io.bulwark.probe;

import io.bulwark.audit.Fact;
import io.bulwark.seccomp.Action;
import io.bulwark.seccomp.Arch;
import io.bulwark.seccomp.BpfProgram;
import io.bulwark.seccomp.Emulator;
import io.bulwark.seccomp.SeccompData;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code syscall.NAME} facts of the live sweep, derived instead from seccomp filters
 * known exactly (read from a process with ptrace, or compiled from a config's profile): each
 * probe call of {@code syscall-probes.yaml} is run through the emulator with the sweep's own
 * arguments, and stacked filters combine as the kernel combines them (the most restrictive
 * action wins). A call the filters let through still stops at a capability check the process
 * fails, so the same rules reach the same verdicts as the sweep.
 */
public final class FilterVerdicts {
    private final List<BpfProgram> stack;
    private final Set<String> effectiveCaps;
    private final String source;

    /**
     * @param stack         the filters in force, any order; empty when seccomp is off
     * @param effectiveCaps the process's effective capabilities, names without CAP_
     * @param source        where the filters come from, for evidence
     */
    public FilterVerdicts(List<BpfProgram> stack, Set<String> effectiveCaps, String source) {
        this.stack = List.copyOf(stack);
        this.effectiveCaps = Set.copyOf(effectiveCaps);
        this.source = source;
    }

    /** One fact per probe call, for the architecture {@code arch}. */
    public List<Fact> facts(Arch arch) {
        List<Fact> facts = new ArrayList<>();
        for (SyscallProbeSpec spec : SyscallProbeList.builtIn()) {
            String name = SyscallClassifier.factName(spec);
            Optional<Long> number = spec.number(arch.id());
            if (number.isEmpty()) {
                facts.add(Fact.unobserved(name, spec.name() + " has no number on " + arch.id()));
                continue;
            }
            long[] args = spec.args().stream().mapToLong(Long::longValue).toArray();
            Action action = verdict(SeccompData.of(arch, number.get().intValue(), args));
            facts.add(fact(spec, name, action));
        }
        return facts;
    }

    /** The action of the whole stack for one call: the most restrictive of each filter's. */
    public Action verdict(SeccompData data) {
        Action result = Action.ALLOW;
        for (BpfProgram program : stack) {
            Action action = Emulator.run(program, data).action();
            if (action.overrides(result)) {
                result = action;
            }
        }
        return result;
    }

    private Fact fact(SyscallProbeSpec spec, String name, Action action) {
        String call = spec.call() + " through " + (stack.isEmpty() ? "no seccomp filter" : source) + ": " + action;
        switch (action.kind()) {
            case ALLOW:
            case LOG:
                Optional<String> cap = spec.capability().filter(c -> !effectiveCaps.contains(c));
                return cap.map(c -> Fact.of(name, SyscallClassifier.REFUSED, call + ", but CAP_" + c
                                + " is not effective, so the kernel refuses it (EPERM) before its handler"))
                        .orElseGet(() -> Fact.of(name, SyscallClassifier.ALLOWED, call + ": the call reaches the kernel's handler"));
            case ERRNO:
                if (action.data() == Action.ENOSYS) {
                    return Fact.of(name, SyscallClassifier.ENOSYS, call + ": the filter answers ENOSYS");
                }
                if (action.data() == Action.EPERM || action.data() == 13) {
                    return Fact.of(name, SyscallClassifier.REFUSED, call + ": the filter refuses it");
                }
                return Fact.unobserved(name, call + ": an errno the sweep would not read as a refusal");
            case TRACE:
                return Fact.of(name, SyscallClassifier.ENOSYS, call + ": with no tracer attached the kernel answers ENOSYS");
            case NOTIFY:
                return Fact.unobserved(name, call + ": a user-space supervisor decides each call");
            default:
                return Fact.of(name, SyscallClassifier.KILLED, call + ": the filter "
                        + (action.kind() == Action.Kind.TRAP ? "raises SIGSYS, fatal unless the process handles it" : "kills the caller"));
        }
    }
}
