package io.bulwark.seccomp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The meaning of a compiled program, read by running it in the {@link Emulator}. The
 * architectures are those whose audit value it compares against; x86_64 and x32 share one,
 * so of the two, one the program answers with a single action for every number while it
 * tells the other's numbers apart is taken as not handled. Argument conditions are inferred
 * ({@link ComparedConstants}).
 */
public final class ProgramMeaning implements FilterMeaning {
    private final String source;
    private final BpfProgram program;
    private final List<Arch> arches;
    private final Map<Long, List<Rule>> rules = new HashMap<>();

    public ProgramMeaning(String source, BpfProgram program) {
        this.source = source;
        this.program = program;
        this.arches = handledArches();
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public List<Arch> arches() {
        return arches;
    }

    @Override
    public Action decide(Arch arch, int nr, long[] args) {
        return Emulator.run(program, new SeccompData(nr, arch.auditArch(), 0, args)).action();
    }

    @Override
    public List<Rule> rules(Arch arch, int nr) {
        return rules.computeIfAbsent(((long) arch.ordinal() << 32) | Integer.toUnsignedLong(nr),
                k -> ComparedConstants.infer(program, arch, nr));
    }

    @Override
    public boolean inferred() {
        return true;
    }

    private List<Arch> handledArches() {
        Set<Integer> audits = new HashSet<>();
        for (BpfInstruction i : program.instructions()) {
            if (i.code() == (BpfInstruction.JMP | BpfInstruction.JEQ | BpfInstruction.K)) {
                audits.add(i.k());
            }
        }
        List<Arch> found = new ArrayList<>();
        for (Arch a : Arch.values()) {
            if (audits.contains(a.auditArch())) {
                found.add(a);
            }
        }
        if (found.contains(Arch.X86_64) && found.contains(Arch.X32)) {
            boolean nativeUniform = uniform(Arch.X86_64);
            boolean x32Uniform = uniform(Arch.X32);
            if (x32Uniform && !nativeUniform) {
                found.remove(Arch.X32);
            } else if (nativeUniform && !x32Uniform) {
                found.remove(Arch.X86_64);
            }
        }
        return List.copyOf(found);
    }

    private boolean uniform(Arch arch) {
        Set<Action> seen = new HashSet<>();
        for (int nr : SyscallTable.of(arch).byNumber().keySet()) {
            seen.add(decide(arch, nr, new long[6]));
        }
        return seen.size() <= 1;
    }
}
