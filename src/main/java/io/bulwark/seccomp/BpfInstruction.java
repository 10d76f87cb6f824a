package io.bulwark.seccomp;

/**
 * One classic BPF instruction, as struct sock_filter: 16-bit code, 8-bit jump offsets for
 * true and false, 32-bit constant.
 */
public record BpfInstruction(int code, int jt, int jf, int k) {
    // Instruction classes and fields (linux/filter.h, linux/bpf_common.h).
    public static final int LD = 0x00;
    public static final int LDX = 0x01;
    public static final int ST = 0x02;
    public static final int STX = 0x03;
    public static final int ALU = 0x04;
    public static final int JMP = 0x05;
    public static final int RET = 0x06;
    public static final int MISC = 0x07;
    public static final int W = 0x00;
    public static final int IMM = 0x00;
    public static final int ABS = 0x20;
    public static final int MEM = 0x60;
    public static final int LEN = 0x80;
    public static final int K = 0x00;
    public static final int X = 0x08;
    public static final int A = 0x10;
    public static final int JA = 0x00;
    public static final int JEQ = 0x10;
    public static final int JGT = 0x20;
    public static final int JGE = 0x30;
    public static final int JSET = 0x40;
    public static final int AND = 0x50;
    public static final int TAX = 0x00;
    public static final int TXA = 0x80;

    public BpfInstruction {
        if (code < 0 || code > 0xffff || jt < 0 || jt > 255 || jf < 0 || jf > 255) {
            throw new IllegalArgumentException("not a sock_filter: code " + code + " jt " + jt + " jf " + jf);
        }
    }

    public static BpfInstruction loadWord(int offset) {
        return new BpfInstruction(LD | W | ABS, 0, 0, offset);
    }

    public static BpfInstruction jump(int op, int k, int jt, int jf) {
        return new BpfInstruction(JMP | op | K, jt, jf, k);
    }

    public static BpfInstruction ja(int offset) {
        return new BpfInstruction(JMP | JA, 0, 0, offset);
    }

    public static BpfInstruction ret(int k) {
        return new BpfInstruction(RET | K, 0, 0, k);
    }

    public static BpfInstruction and(int k) {
        return new BpfInstruction(ALU | AND | K, 0, 0, k);
    }

    public int cls() {
        return code & 0x07;
    }

    public boolean isConditionalJump() {
        return cls() == JMP && (code & 0xf0) != JA;
    }

    public boolean isReturnK() {
        return code == (RET | K);
    }
}
