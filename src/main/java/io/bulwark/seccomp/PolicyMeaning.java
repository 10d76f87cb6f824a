package io.bulwark.seccomp;

import java.util.List;
import java.util.Optional;

/**
 * The meaning of a resolved {@link Policy} with its compile options: exactly what the
 * compiled program answers (x32 numbers carry bit 30, uncovered architectures get the
 * bad-arch action, ENOSYS above the highest named number when asked).
 */
public record PolicyMeaning(Policy policy, CompileOptions options) implements FilterMeaning {

    @Override
    public String source() {
        return policy.source();
    }

    @Override
    public List<Arch> arches() {
        return policy.arches().stream().map(ArchPolicy::arch).toList();
    }

    @Override
    public Action decide(Arch arch, int nr, long[] args) {
        Optional<ArchPolicy> p = owner(arch, nr);
        if (p.isEmpty()) {
            // -1 is how tracers skip a call; libseccomp and our compiler keep the default for it
            boolean sharedSection = policy.arches().stream().anyMatch(a -> a.arch().auditArch() == arch.auditArch());
            return sharedSection && nr == -1 ? policy.defaultAction() : options.badArch();
        }
        ArchPolicy owner = p.get();
        if (options.enosys() && owner.rulesFor(nr).isEmpty() && nr != -1
                && Integer.compareUnsigned(nr, owner.highestNamed()) > 0) {
            return Action.errno(Action.ENOSYS);
        }
        return owner.decide(nr, args, policy.defaultAction());
    }

    @Override
    public List<Rule> rules(Arch arch, int nr) {
        return owner(arch, nr).map(p -> p.rulesFor(nr)).orElse(List.of());
    }

    @Override
    public boolean inferred() {
        return false;
    }

    /** The architecture policy that answers a number arriving with this arch's audit value. */
    private Optional<ArchPolicy> owner(Arch arch, int nr) {
        boolean x32Number = Integer.compareUnsigned(nr, Arch.X32_SYSCALL_BIT) >= 0;
        for (ArchPolicy p : policy.arches()) {
            if (p.arch().auditArch() != arch.auditArch()) {
                continue;
            }
            boolean shared = p.arch() == Arch.X86_64 || p.arch() == Arch.X32;
            if (!shared || (p.arch() == Arch.X32) == x32Number) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
