package io.bulwark.seccomp;

/** struct seccomp_data: what a filter sees of a syscall. Arguments are 64-bit, little-endian halves. */
public record SeccompData(int nr, int arch, long instructionPointer, long[] args) {
    public SeccompData {
        if (args.length != 6) {
            throw new IllegalArgumentException("seccomp_data has 6 arguments, not " + args.length);
        }
        args = args.clone();
    }

    public static SeccompData of(Arch arch, int nr, long... args) {
        long[] six = new long[6];
        System.arraycopy(args, 0, six, 0, Math.min(6, args.length));
        return new SeccompData(nr, arch.auditArch(), 0, six);
    }

    /** The 32-bit word at a byte offset, as BPF_LD|BPF_W|BPF_ABS reads it. */
    public int word(int offset) {
        switch (offset) {
            case 0: return nr;
            case 4: return arch;
            case 8: return (int) instructionPointer;
            case 12: return (int) (instructionPointer >>> 32);
            default:
                int i = (offset - 16) / 8;
                long a = args[i];
                return (offset - 16) % 8 == 0 ? (int) a : (int) (a >>> 32);
        }
    }

    @Override
    public long[] args() {
        return args.clone();
    }
}
