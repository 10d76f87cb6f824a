package io.bulwark.seccomp;

import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * The kernel's action-cache test (kernel/seccomp.c, seccomp_is_const_allow, Linux 5.11+): a
 * syscall number is cached as allowed when the program, run with only nr and arch known,
 * reaches {@code RET ALLOW} through loads of nr/arch, K-jumps, JA and AND only. Such
 * syscalls skip the filter entirely. The kernel does this for the native architecture and
 * the compat one (x86 on x86_64, arm on aarch64), not for x32.
 */
public final class CacheCheck {
    private CacheCheck() {
    }

    /** The architectures whose numbers the kernel caches. */
    public static Set<Arch> cachedArches() {
        return EnumSet.of(Arch.X86_64, Arch.X86, Arch.AARCH64, Arch.ARM);
    }

    public static Set<Integer> allowedWithoutArguments(BpfProgram program, Arch arch, int from, int to) {
        Set<Integer> allowed = new TreeSet<>();
        if (!cachedArches().contains(arch)) {
            return allowed;
        }
        for (int nr = from; nr <= to; nr++) {
            if (constantAllow(program, nr, arch.auditArch())) {
                allowed.add(nr);
            }
        }
        return allowed;
    }

    static boolean constantAllow(BpfProgram program, int nr, int auditArch) {
        int a = 0;
        for (int pc = 0; pc < program.length(); pc++) {
            BpfInstruction i = program.get(pc);
            int k = i.k();
            int code = i.code();
            if (code == (BpfInstruction.LD | BpfInstruction.W | BpfInstruction.ABS)) {
                if (k == 0) {
                    a = nr;
                } else if (k == 4) {
                    a = auditArch;
                } else {
                    return false;
                }
            } else if (code == (BpfInstruction.RET | BpfInstruction.K)) {
                return k == Action.ALLOW.ret();
            } else if (code == (BpfInstruction.JMP | BpfInstruction.JA)) {
                pc += k;
            } else if (code == (BpfInstruction.JMP | BpfInstruction.JEQ) || code == (BpfInstruction.JMP | BpfInstruction.JGE)
                    || code == (BpfInstruction.JMP | BpfInstruction.JGT) || code == (BpfInstruction.JMP | BpfInstruction.JSET)) {
                boolean taken = switch (code & 0xf0) {
                    case BpfInstruction.JEQ -> a == k;
                    case BpfInstruction.JGE -> Integer.compareUnsigned(a, k) >= 0;
                    case BpfInstruction.JGT -> Integer.compareUnsigned(a, k) > 0;
                    default -> (a & k) != 0;
                };
                pc += taken ? i.jt() : i.jf();
            } else if (code == (BpfInstruction.ALU | BpfInstruction.AND | BpfInstruction.K)) {
                a &= k;
            } else {
                return false;
            }
        }
        return false;
    }
}
