package io.bulwark.seccomp;

/**
 * Runs a classic seccomp BPF program on one {@link SeccompData}, as the kernel's interpreter
 * would, and counts the instructions it executed.
 */
public final class Emulator {
    private Emulator() {
    }

    /** The value returned and how many instructions ran (the RET included). */
    public record Outcome(int ret, int executed) {
        public Action action() {
            return Action.fromRet(ret);
        }
    }

    /**
     * Told of every conditional jump the program executes: the seccomp_data offset the
     * accumulator was loaded from (-1 when it holds something else), the AND mask applied to
     * it since (-1 for none), the jump's code and constant. Lets a reader of a compiled
     * program learn which argument values it compares against.
     */
    public interface Trace {
        Trace NONE = (offset, mask, code, k) -> { };

        void compared(int offset, int mask, int code, int k);
    }

    public static Outcome run(BpfProgram program, SeccompData data) {
        return run(program, data, Trace.NONE);
    }

    public static Outcome run(BpfProgram program, SeccompData data, Trace trace) {
        int a = 0;
        int source = -1;
        int mask = -1;
        int x = 0;
        int[] mem = new int[16];
        int pc = 0;
        int executed = 0;
        while (true) {
            if (pc < 0 || pc >= program.length()) {
                throw new IllegalStateException("program runs off its end at " + pc);
            }
            BpfInstruction i = program.get(pc++);
            executed++;
            int code = i.code();
            int k = i.k();
            switch (i.cls()) {
                case BpfInstruction.LD -> {
                    a = load(code, k, data, mem, x);
                    source = (code & 0xe0) == BpfInstruction.ABS ? k : -1;
                    mask = -1;
                }
                case BpfInstruction.LDX -> x = load(code, k, data, mem, x);
                case BpfInstruction.ST -> mem[k & 15] = a;
                case BpfInstruction.STX -> mem[k & 15] = x;
                case BpfInstruction.ALU -> {
                    int operand = (code & BpfInstruction.X) != 0 ? x : k;
                    if ((code & 0xf0) == 0x30 || (code & 0xf0) == 0x90) {
                        if (operand == 0) {
                            return new Outcome(0, executed);
                        }
                    }
                    a = alu(code & 0xf0, a, operand);
                    boolean masks = (code & 0xf0) == BpfInstruction.AND && (code & BpfInstruction.X) == 0;
                    source = masks ? source : -1;
                    mask = masks ? mask & k : -1;
                }
                case BpfInstruction.JMP -> {
                    if ((code & 0xf0) != BpfInstruction.JA && (code & BpfInstruction.X) == 0) {
                        trace.compared(source, mask, code, k);
                    }
                    pc += jump(code, k, i, a, x);
                }
                case BpfInstruction.RET -> {
                    int src = code & 0x18;
                    return new Outcome(src == BpfInstruction.A ? a : src == BpfInstruction.X ? x : k, executed);
                }
                default -> {
                    if ((code & 0xf8) == BpfInstruction.TXA) {
                        a = x;
                        source = -1;
                    } else {
                        x = a;
                    }
                }
            }
        }
    }

    private static int load(int code, int k, SeccompData data, int[] mem, int x) {
        return switch (code & 0xe0) {
            case BpfInstruction.ABS -> data.word(k);
            case BpfInstruction.MEM -> mem[k & 15];
            case BpfInstruction.LEN -> BpfProgram.SECCOMP_DATA_SIZE;
            case BpfInstruction.IMM -> k;
            default -> throw new IllegalStateException("load mode " + Integer.toHexString(code) + " is not allowed in seccomp");
        };
    }

    private static int alu(int op, int a, int v) {
        return switch (op) {
            case 0x00 -> a + v;
            case 0x10 -> a - v;
            case 0x20 -> a * v;
            case 0x30 -> Integer.divideUnsigned(a, v);
            case 0x40 -> a | v;
            case 0x50 -> a & v;
            case 0x60 -> (v & 31) == v ? a << v : 0;
            case 0x70 -> (v & 31) == v ? a >>> v : 0;
            case 0x80 -> -a;
            case 0x90 -> Integer.remainderUnsigned(a, v);
            case 0xa0 -> a ^ v;
            default -> throw new IllegalStateException("ALU op " + Integer.toHexString(op));
        };
    }

    private static int jump(int code, int k, BpfInstruction i, int a, int x) {
        int v = (code & BpfInstruction.X) != 0 ? x : k;
        boolean taken;
        switch (code & 0xf0) {
            case BpfInstruction.JA:
                return k;
            case BpfInstruction.JEQ:
                taken = a == v;
                break;
            case BpfInstruction.JGT:
                taken = Integer.compareUnsigned(a, v) > 0;
                break;
            case BpfInstruction.JGE:
                taken = Integer.compareUnsigned(a, v) >= 0;
                break;
            default:
                taken = (a & v) != 0;
        }
        return taken ? i.jt() : i.jf();
    }
}
