package io.bulwark.seccomp;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One instruction a line, with absolute jump targets and symbolic names: the seccomp_data
 * field a load reads, the architecture a constant is compared with after {@code ld arch},
 * the syscall after {@code ld nr} (on the architecture the path has checked), the action a
 * return gives.
 */
public final class Disassembler {
    private Disassembler() {
    }

    /** What the accumulator holds, as far as a forward pass can tell. */
    private record State(int loaded, Integer arch) {
        static final int OTHER = -1;

        State merge(State o) {
            if (o == null) {
                return this;
            }
            return new State(loaded == o.loaded ? loaded : OTHER, arch != null && arch.equals(o.arch) ? arch : null);
        }
    }

    /** {@code arches}: the architectures the program is for (which tables name the numbers). */
    public static String text(BpfProgram program, List<Arch> arches) {
        int n = program.length();
        State[] in = new State[n + 1];
        in[0] = new State(State.OTHER, null);
        StringBuilder out = new StringBuilder();
        for (int pc = 0; pc < n; pc++) {
            BpfInstruction i = program.get(pc);
            State s = in[pc] == null ? new State(State.OTHER, null) : in[pc];
            out.append(String.format("%5d  %s%n", pc, line(i, pc, s, arches)));
            flow(i, pc, s, in);
        }
        return out.toString();
    }

    private static void flow(BpfInstruction i, int pc, State s, State[] in) {
        int code = i.code();
        if (i.cls() == BpfInstruction.RET) {
            return;
        }
        if (i.cls() == BpfInstruction.JMP) {
            if ((code & 0xf0) == BpfInstruction.JA) {
                reach(in, pc + 1 + i.k(), s);
                return;
            }
            State taken = s;
            if (s.loaded() == 4 && (code & 0xf0) == BpfInstruction.JEQ && (code & BpfInstruction.X) == 0) {
                taken = new State(4, i.k());
            }
            reach(in, pc + 1 + i.jt(), taken);
            reach(in, pc + 1 + i.jf(), s);
            return;
        }
        State next = code == (BpfInstruction.LD | BpfInstruction.W | BpfInstruction.ABS)
                ? new State(i.k(), s.arch()) : new State(State.OTHER, s.arch());
        reach(in, pc + 1, next);
    }

    private static void reach(State[] in, int pc, State s) {
        if (pc >= 0 && pc < in.length) {
            in[pc] = in[pc] == null ? s : in[pc].merge(s);
        }
    }

    static String line(BpfInstruction i, int pc, State s, List<Arch> arches) {
        int code = i.code();
        int k = i.k();
        switch (i.cls()) {
            case BpfInstruction.LD:
                if (code == (BpfInstruction.LD | BpfInstruction.W | BpfInstruction.ABS)) {
                    return "ld    " + field(k);
                }
                return String.format("ld    code=0x%02x #0x%x", code, k);
            case BpfInstruction.ALU:
                return String.format("%-5s #0x%x", alu(code), k);
            case BpfInstruction.RET:
                return (code & 0x18) == BpfInstruction.K ? "ret   " + Action.fromRet(k) : "ret   A";
            case BpfInstruction.JMP:
                if ((code & 0xf0) == BpfInstruction.JA) {
                    return "ja    " + (pc + 1 + k);
                }
                String op = switch (code & 0xf0) {
                    case BpfInstruction.JEQ -> "jeq";
                    case BpfInstruction.JGT -> "jgt";
                    case BpfInstruction.JGE -> "jge";
                    default -> "jset";
                };
                String operand = (code & BpfInstruction.X) != 0 ? "x" : constant(k, s, arches);
                return String.format("%-5s %-32s jt %d  jf %d", op, operand, pc + 1 + i.jt(), pc + 1 + i.jf());
            default:
                return String.format("code=0x%04x jt=%d jf=%d k=0x%x", code, i.jt(), i.jf(), k);
        }
    }

    private static String constant(int k, State s, List<Arch> arches) {
        String hex = "#0x" + Integer.toHexString(k);
        if (s.loaded() == 4) {
            List<String> names = new ArrayList<>();
            for (Arch a : Arch.values()) {
                if (a.auditArch() == k && (arches.contains(a) || arches.isEmpty())) {
                    names.add(a.id());
                }
            }
            return names.isEmpty() ? hex : hex + " " + String.join("/", names);
        }
        if (s.loaded() == 0) {
            Set<String> names = new HashSet<>();
            for (Arch a : arches) {
                boolean numberFits = a == Arch.X32 ? Integer.compareUnsigned(k, Arch.X32_SYSCALL_BIT) >= 0
                        : a != Arch.X86_64 || Integer.compareUnsigned(k, Arch.X32_SYSCALL_BIT) < 0;
                if ((s.arch() == null || s.arch() == a.auditArch()) && numberFits) {
                    SyscallTable.of(a).name(k).ifPresent(names::add);
                }
            }
            String dec = "#" + Integer.toUnsignedString(k);
            return names.isEmpty() ? dec : dec + " " + String.join("/", new java.util.TreeSet<>(names));
        }
        return hex;
    }

    private static String field(int k) {
        return switch (k) {
            case 0 -> "nr";
            case 4 -> "arch";
            case 8 -> "ip.lo";
            case 12 -> "ip.hi";
            default -> k >= 16 && k < 64 && k % 4 == 0 ? "args[" + (k - 16) / 8 + "]." + ((k - 16) % 8 == 0 ? "lo" : "hi") : "[" + k + "]";
        };
    }

    private static String alu(int code) {
        String[] ops = {"add", "sub", "mul", "div", "or", "and", "lsh", "rsh", "neg", "mod", "xor"};
        int op = (code & 0xf0) >> 4;
        return op < ops.length ? ops[op] : "alu";
    }
}
