package io.bulwark.seccomp;

import io.bulwark.InputException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * A classic BPF program as the kernel takes it: at most {@link #MAX_INSTRUCTIONS}, in the
 * sock_filter byte layout of the host (little-endian on every architecture bulwark supports).
 */
public record BpfProgram(List<BpfInstruction> instructions) {
    /** BPF_MAXINSNS: the kernel refuses longer filters. */
    public static final int MAX_INSTRUCTIONS = 4096;
    /** sizeof(struct seccomp_data): 64 bytes. */
    public static final int SECCOMP_DATA_SIZE = 64;

    public BpfProgram {
        instructions = List.copyOf(instructions);
    }

    public int length() {
        return instructions.size();
    }

    public BpfInstruction get(int pc) {
        return instructions.get(pc);
    }

    public byte[] toBytes() {
        ByteBuffer b = ByteBuffer.allocate(instructions.size() * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (BpfInstruction i : instructions) {
            b.putShort((short) i.code()).put((byte) i.jt()).put((byte) i.jf()).putInt(i.k());
        }
        return b.array();
    }

    /** Reads raw sock_filter bytes and checks them as the kernel would (source names the input). */
    public static BpfProgram fromBytes(String source, byte[] bytes) {
        if (bytes.length == 0 || bytes.length % 8 != 0) {
            throw new InputException(source + ": " + bytes.length + " bytes is not a BPF program (a multiple of 8 bytes, "
                    + "struct sock_filter); give a file written by 'bulwark seccomp compile'");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        List<BpfInstruction> insns = new ArrayList<>();
        while (b.hasRemaining()) {
            insns.add(new BpfInstruction(b.getShort() & 0xffff, b.get() & 0xff, b.get() & 0xff, b.getInt()));
        }
        BpfProgram p = new BpfProgram(insns);
        p.check().ifPresent(problem -> {
            throw new InputException(source + ": not a valid seccomp program: " + problem);
        });
        return p;
    }

    /** What the kernel would refuse about this program, if anything (length, jumps, loads, the end). */
    public java.util.Optional<String> check() {
        int n = instructions.size();
        if (n == 0 || n > MAX_INSTRUCTIONS) {
            return java.util.Optional.of(n + " instructions; the kernel takes 1.." + MAX_INSTRUCTIONS);
        }
        for (int pc = 0; pc < n; pc++) {
            BpfInstruction i = instructions.get(pc);
            if (i.cls() == BpfInstruction.JMP) {
                long far = (i.code() & 0xf0) == BpfInstruction.JA
                        ? pc + 1L + Integer.toUnsignedLong(i.k()) : pc + 1L + Math.max(i.jt(), i.jf());
                if (far >= n) {
                    return java.util.Optional.of("instruction " + pc + " jumps past the end");
                }
            }
            if (i.code() == (BpfInstruction.LD | BpfInstruction.W | BpfInstruction.ABS)
                    && (i.k() % 4 != 0 || Integer.toUnsignedLong(i.k()) >= SECCOMP_DATA_SIZE)) {
                return java.util.Optional.of("instruction " + pc + " loads offset " + i.k() + " outside seccomp_data");
            }
        }
        BpfInstruction last = instructions.get(n - 1);
        if (last.cls() != BpfInstruction.RET) {
            return java.util.Optional.of("the last instruction is not a return");
        }
        return java.util.Optional.empty();
    }
}
