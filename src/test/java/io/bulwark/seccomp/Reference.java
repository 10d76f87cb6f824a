package io.bulwark.seccomp;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** What a compiled program must answer, straight from the policy: the oracle of the tests. */
final class Reference {
    private Reference() {
    }

    static Path fixture(String name) {
        return Paths.get("src/test/resources/io/bulwark/seccomp/profiles", name);
    }

    static Action decide(Policy policy, CompileOptions options, Arch arch, int nr, long[] args) {
        List<ArchPolicy> section = policy.arches().stream().filter(p -> p.arch().auditArch() == arch.auditArch()).toList();
        if (section.isEmpty()) {
            return options.badArch();
        }
        boolean x32Number = Integer.compareUnsigned(nr, Arch.X32_SYSCALL_BIT) >= 0;
        ArchPolicy owner = null;
        for (ArchPolicy p : section) {
            boolean shared = p.arch() == Arch.X86_64 || p.arch() == Arch.X32;
            if (!shared || (p.arch() == Arch.X32) == x32Number) {
                owner = p;
            }
        }
        if (owner == null) {
            return nr == -1 ? policy.defaultAction() : options.badArch();
        }
        if (options.enosys() && owner.rulesFor(nr).isEmpty() && nr != -1
                && Integer.compareUnsigned(nr, owner.highestNamed()) > 0) {
            return Action.errno(Action.ENOSYS);
        }
        return owner.decide(nr, args, policy.defaultAction());
    }

    /** Every number the arch's table knows, plus the edges of the number space. */
    static Set<Integer> numbers(Arch arch) {
        Set<Integer> n = new TreeSet<>(SyscallTable.of(arch).byNumber().keySet());
        int top = SyscallTable.of(arch).highest();
        for (int extra : new int[] {top + 1, top + 2, top + 1000, 0x3fffffff, 0x40000000, 0x40000001, 0x40000200,
            0x4000ffff, 0x7fffffff, 0x80000000, 0xfffffffe, 0xffffffff}) {
            n.add(extra);
        }
        return n;
    }

    /** A 32-bit architecture's arguments: the kernel passes the high halves as zero. */
    static long[] narrow(long[] args) {
        long[] n = new long[args.length];
        for (int i = 0; i < args.length; i++) {
            n[i] = args[i] & 0xffffffffL;
        }
        return n;
    }

    /** Runs the program on every number and argument sample of every arch, and lists disagreements. */
    static List<String> disagreements(Policy policy, CompileOptions options, BpfProgram program) {
        List<String> wrong = new java.util.ArrayList<>();
        for (ArchPolicy p : policy.arches()) {
            for (int nr : numbers(p.arch())) {
                for (long[] sample : ArgumentSamples.of(p.rulesFor(nr))) {
                    long[] args = p.arch().wideArgs() ? sample : narrow(sample);
                    Action want = decide(policy, options, p.arch(), nr, args);
                    Action got = Emulator.run(program, SeccompData.of(p.arch(), nr, args)).action();
                    if (!want.equals(got)) {
                        wrong.add(p.arch().id() + " nr " + Integer.toUnsignedString(nr) + " args " + java.util.Arrays.toString(args)
                                + ": want " + want + ", got " + got);
                    }
                }
            }
        }
        return wrong;
    }
}
