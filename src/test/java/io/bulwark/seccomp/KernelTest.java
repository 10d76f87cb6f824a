package io.bulwark.seccomp;

import io.bulwark.os.KernelVersion;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Compiled filters loaded into the running kernel: the errnos it gives must be the profile's. */
class KernelTest {
    private static final SyscallTable X64 = SyscallTable.of(Arch.X86_64);
    private static final SyscallTable I386 = SyscallTable.of(Arch.X86);
    private static final long EPERM = -1;
    private static final long ENOSYS = -38;

    private static int nr(String name) {
        return X64.number(name).getAsInt();
    }

    @Test
    void theDefaultProfileAllowsOrdinaryCallsAndRefusesTheRest() throws Exception {
        Policy policy = PolicyResolver.resolve(ProfileLoader.bundled("default"), Target.host());
        BpfProgram program = Compiler.compile(policy, CompileOptions.DEFAULT).program();
        List<KernelProbe.Call> calls = List.of(
                new KernelProbe.Call(false, nr("getpid")),
                new KernelProbe.Call(false, nr("socket"), 2, 1, 0),            // AF_INET: allowed
                new KernelProbe.Call(false, nr("socket"), 40, 1, 0),           // AF_VSOCK: refused
                new KernelProbe.Call(false, nr("socket"), 38, 5, 0),           // AF_ALG: refused
                new KernelProbe.Call(false, nr("personality"), 0xffffffffL),   // query: allowed
                new KernelProbe.Call(false, nr("personality"), 0x0040000),     // ADDR_NO_RANDOMIZE: refused
                new KernelProbe.Call(false, nr("clone3"), 0, 0),                // ENOSYS, so libc falls back to clone
                new KernelProbe.Call(false, nr("unshare"), 0x10000000),        // CLONE_NEWUSER: refused
                new KernelProbe.Call(false, nr("reboot"), 0, 0, 0, 0),          // refused before the kernel checks its magic
                new KernelProbe.Call(false, nr("keyctl"), 0, 0),
                new KernelProbe.Call(true, I386.number("getpid").getAsInt()),  // i386 ABI through int $0x80
                new KernelProbe.Call(true, I386.number("unshare").getAsInt(), 0x10000000));
        List<Long> r = KernelProbe.run(program, calls);

        assertThat(r.get(0)).isPositive();
        assertThat(r.get(1)).isNotNegative();
        assertThat(r.get(2)).isEqualTo(EPERM);
        assertThat(r.get(3)).isEqualTo(EPERM);
        assertThat(r.get(4)).isNotNegative();
        assertThat(r.get(5)).isEqualTo(EPERM);
        assertThat(r.get(6)).isEqualTo(ENOSYS);
        assertThat(r.subList(7, 10)).containsOnly(EPERM);
        if (r.get(10) != ENOSYS) { // a kernel without IA32 emulation answers ENOSYS to int $0x80
            assertThat(r.get(10)).isPositive();
            assertThat(r.get(11)).isEqualTo(EPERM);
        }
    }

    /** Syscalls that ignore their arguments and change nothing, so any argument can be sent for real. */
    private static final List<String> HARMLESS = List.of("getpid", "getppid", "getuid", "geteuid", "getgid", "getegid",
            "gettid", "sched_yield", "getpgrp");

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void theEmulatorAndTheKernelAgreeOnRandomFilters(long seed) throws Exception {
        Random rnd = new Random(seed);
        List<SyscallRule> rules = new ArrayList<>();
        for (String name : HARMLESS) {
            int n = rnd.nextInt(4);
            for (int i = 0; i < n; i++) {
                List<ArgCondition> conds = new ArrayList<>();
                int k = rnd.nextInt(3);
                for (int c = 0; c < k; c++) {
                    CompareOp op = CompareOp.values()[rnd.nextInt(CompareOp.values().length)];
                    conds.add(new ArgCondition(rnd.nextInt(3), value(rnd), value(rnd), op));
                }
                Action a = rnd.nextInt(4) == 0 ? Action.ALLOW : Action.errno(100 + rnd.nextInt(50));
                rules.add(new SyscallRule("$.syscalls[" + rules.size() + "]", List.of(name), a, conds,
                        RuleFilter.NONE, RuleFilter.NONE, null));
            }
        }
        Profile profile = new Profile("random-" + seed, Action.ALLOW, List.of(), List.of(), List.of(), null, null, rules);
        Policy policy = PolicyResolver.resolve(profile, new Target(Arch.X86_64, Set.of(), KernelVersion.running()));
        BpfProgram program = Compiler.compile(policy, CompileOptions.DEFAULT).program();
        ArchPolicy x64 = policy.arch(Arch.X86_64).orElseThrow();
        List<KernelProbe.Call> calls = new ArrayList<>();
        for (String name : HARMLESS) {
            for (long[] args : ArgumentSamples.of(x64.rulesFor(nr(name)))) {
                calls.add(new KernelProbe.Call(false, nr(name), args));
            }
        }
        List<Long> kernel = KernelProbe.run(program, calls);
        for (int i = 0; i < calls.size(); i++) {
            KernelProbe.Call c = calls.get(i);
            Action emulated = Emulator.run(program, SeccompData.of(Arch.X86_64, c.nr(), c.args())).action();
            long expected = emulated.kind() == Action.Kind.ERRNO ? -emulated.data() : 0;
            long got = kernel.get(i) < 0 ? kernel.get(i) : 0;
            assertThat(got).as("seed %d call %s %s", seed, X64.name(c.nr()).orElseThrow(), java.util.Arrays.toString(c.args()))
                    .isEqualTo(expected);
        }
    }

    private static long value(Random rnd) {
        return switch (rnd.nextInt(4)) {
            case 0 -> rnd.nextInt(16);
            case 1 -> rnd.nextLong();
            case 2 -> 1L << rnd.nextInt(64);
            default -> rnd.nextInt() & 0xffffffffL;
        };
    }
}
