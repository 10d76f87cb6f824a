package io.bulwark.seccomp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Runs bulwark's program and libseccomp's on every syscall number of x86_64, x86 and x32
 * with argument samples, and sorts each disagreement into a deliberate difference (named
 * below) or an error. For a deliberate difference bulwark must still answer what the profile
 * says ({@link Reference}).
 */
final class DifferentialComparison {
    static final String X32_HALVES = "x32 high argument halves: libseccomp compares only the low half of x32 arguments (and of the values), "
            + "but the kernel passes x32 arguments as 64-bit registers, so bulwark compares both halves";
    static final String MULTIPLEXED = "i386 socketcall/ipc with argument conditions: the arguments are in memory; "
            + "libseccomp drops the conditions and allows every use, bulwark does not allow what it cannot check";
    static final String WIDE_VALUE_ON_32_BIT = "a value above 32 bits on a 32-bit architecture: libseccomp cuts the value "
            + "to its low half, bulwark compares it with the argument the kernel passes (high half zero)";
    static final String BAD_ARCH = "foreign ABI: libseccomp kills the thread, bulwark the process";

    /** Extra argument vectors: clone flags, personality values, high halves. */
    private static final long[] EXTRA_ARG0 = {0x10000000L, 0x00020000L, 0x20000000L, 0x40000000L, 0x02000000L,
        0x04000000L, 0x08000000L, 0x10100L, 0x100000000L, 0x100000008L, 0x20008L, 0xffffffffL, 0xffffffff00000000L};

    final List<String> errors = new ArrayList<>();
    final Map<String, Integer> deliberate = new TreeMap<>();
    int comparisons;

    static DifferentialComparison run(Profile profile, Target target) {
        List<Arch> arches = PolicyResolver.filterArches(profile, target.nativeArch());
        Libseccomp.Export theirs = Libseccomp.export(profile, target, arches, 1);
        Policy policy = PolicyResolver.resolve(without(profile, theirs.unknownNames()), target);
        BpfProgram ours = Compiler.compile(policy, CompileOptions.DEFAULT).program();
        DifferentialComparison c = new DifferentialComparison();
        for (ArchPolicy p : policy.arches()) {
            if (Set.of(Arch.X86_64, Arch.X86, Arch.X32).contains(p.arch())) {
                c.compare(policy, p, ours, theirs.program());
            }
        }
        return c;
    }

    /** The profile without names libseccomp does not know (runc skips them; so must the comparison). */
    static Profile without(Profile p, Set<String> names) {
        List<SyscallRule> kept = new ArrayList<>();
        for (SyscallRule r : p.syscalls()) {
            List<String> left = r.names().stream().filter(n -> !names.contains(n)).toList();
            if (!left.isEmpty()) {
                kept.add(new SyscallRule(r.at(), left, r.action(), r.args(), r.includes(), r.excludes(), r.comment()));
            }
        }
        return new Profile(p.source(), p.defaultAction(), p.architectures(), p.archMap(), p.flags(), p.listenerPath(),
                p.listenerMetadata(), kept);
    }

    private void compare(Policy policy, ArchPolicy p, BpfProgram ours, BpfProgram theirs) {
        for (int nr : Reference.numbers(p.arch())) {
            List<long[]> samples = new ArrayList<>(ArgumentSamples.of(p.rulesFor(nr)));
            for (long a0 : EXTRA_ARG0) {
                samples.add(new long[] {a0, a0, 0, 0, 0, 0});
            }
            for (long[] sample : samples) {
                long[] args = p.arch().wideArgs() ? sample : Reference.narrow(sample);
                SeccompData d = SeccompData.of(p.arch(), nr, args);
                Action a = Emulator.run(ours, d).action();
                Action b = Emulator.run(theirs, d).action();
                comparisons++;
                if (!a.equals(b)) {
                    classify(policy, p, nr, args, a, b);
                }
            }
        }
    }

    private void classify(Policy policy, ArchPolicy p, int nr, long[] args, Action ours, Action theirs) {
        String why = null;
        boolean highHalves = false;
        for (long a : args) {
            highHalves |= (a >>> 32) != 0;
        }
        SyscallTable x86 = SyscallTable.of(Arch.X86);
        boolean wideValues = p.rulesFor(nr).stream().flatMap(r -> r.conditions().stream())
                .anyMatch(c -> (c.value() >>> 32) != 0 || (c.valueTwo() >>> 32) != 0);
        if (p.arch() == Arch.X32 && (highHalves || wideValues)) {
            why = X32_HALVES;
        } else if (p.arch() == Arch.X86 && (nr == x86.number("socketcall").getAsInt() || nr == x86.number("ipc").getAsInt())) {
            why = MULTIPLEXED;
        } else if (!p.arch().wideArgs() && wideValues) {
            why = WIDE_VALUE_ON_32_BIT;
        } else if (isKill(ours) && isKill(theirs)) {
            why = BAD_ARCH;
        }
        Action meant = Reference.decide(policy, CompileOptions.DEFAULT, p.arch(), nr, args);
        String what = p.arch().id() + " nr " + Integer.toUnsignedString(nr) + " " + SyscallTable.of(p.arch()).name(nr).orElse("?")
                + " args " + java.util.Arrays.toString(args) + ": bulwark " + ours + ", libseccomp " + theirs;
        if (why == null || !meant.equals(ours)) {
            errors.add(what);
        } else {
            deliberate.merge(why, 1, Integer::sum);
        }
    }

    private static boolean isKill(Action a) {
        return a.kind() == Action.Kind.KILL_PROCESS || a.kind() == Action.Kind.KILL_THREAD;
    }
}
