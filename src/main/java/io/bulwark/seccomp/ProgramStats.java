package io.bulwark.seccomp;

/**
 * How much work a program does on one architecture: its length; the mean and maximum
 * instructions executed over the syscalls it allows (arguments zero) and over every number
 * 0..the highest the architecture's table knows; and how many numbers the kernel's action
 * cache lets skip the filter.
 */
public record ProgramStats(Arch arch, int length, int allowed, double meanAllowed, int maxAllowed,
                           int numbers, double meanAll, int maxAll, int cacheEligible) {

    public static ProgramStats of(BpfProgram program, Arch arch) {
        int highest = SyscallTable.of(arch).highest();
        int first = arch == Arch.X32 ? Arch.X32_SYSCALL_BIT : 0;
        long allowedSum = 0;
        int allowed = 0;
        int maxAllowed = 0;
        long allSum = 0;
        int maxAll = 0;
        for (int nr = first; nr <= highest; nr++) {
            Emulator.Outcome o = Emulator.run(program, SeccompData.of(arch, nr));
            allSum += o.executed();
            maxAll = Math.max(maxAll, o.executed());
            if (o.action().equals(Action.ALLOW)) {
                allowed++;
                allowedSum += o.executed();
                maxAllowed = Math.max(maxAllowed, o.executed());
            }
        }
        int numbers = highest - first + 1;
        int cached = CacheCheck.allowedWithoutArguments(program, arch, first, highest).size();
        return new ProgramStats(arch, program.length(), allowed, allowed == 0 ? 0 : (double) allowedSum / allowed, maxAllowed,
                numbers, (double) allSum / numbers, maxAll, cached);
    }

    public String text() {
        return String.format("%s: %d instructions; allowed syscalls (args 0): %d, executed mean %.2f max %d; "
                        + "numbers %d..%d: mean %.2f max %d; cache-eligible: %d",
                arch.id(), length, allowed, meanAllowed, maxAllowed, arch == Arch.X32 ? Arch.X32_SYSCALL_BIT : 0,
                SyscallTable.of(arch).highest(), meanAll, maxAll, cacheEligible);
    }
}
