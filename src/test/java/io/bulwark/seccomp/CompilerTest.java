package io.bulwark.seccomp;

import io.bulwark.os.KernelVersion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.InputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CompilerTest {
    private static final KernelVersion KERNEL = new KernelVersion(6, 1, 0);

    private static Policy everyFeature(Arch nativeArch, Set<String> caps) {
        Profile p = ProfileLoader.load(Reference.fixture("every-feature.json"));
        return PolicyResolver.resolve(p, new Target(nativeArch, caps, KERNEL));
    }

    @ParameterizedTest
    @CsvSource({"x86_64,false", "x86_64,true", "aarch64,false", "aarch64,true", "x86,false", "arm,true"})
    void theProgramAnswersWhatThePolicySaysForEveryNumberAndArgumentSample(String arch, boolean enosys) {
        Policy policy = everyFeature(Arch.parse(arch).orElseThrow(), Target.dockerDefaultCapabilities());
        CompileOptions options = CompileOptions.DEFAULT.withEnosys(enosys);
        BpfProgram program = Compiler.compile(policy, options).program();

        assertThat(program.check()).isEmpty();
        assertThat(Reference.disagreements(policy, options, program)).isEmpty();
    }

    @Test
    void anotherArchitectureIsKilled() {
        Policy policy = everyFeature(Arch.AARCH64, Set.of());
        BpfProgram program = Compiler.compile(policy, CompileOptions.DEFAULT).program();
        assertThat(Emulator.run(program, SeccompData.of(Arch.X86_64, 0)).action()).isEqualTo(Action.KILL_PROCESS);
        assertThat(Emulator.run(program, SeccompData.of(Arch.ARM, 3)).action()).isEqualTo(Action.ALLOW);
    }

    @Test
    void x32NumbersAreToldApartFromX86_64() {
        Profile p = new Profile("t", Action.errno(1), List.of("SCMP_ARCH_X86_64"), List.of(), List.of(), null, null,
                List.of(new SyscallRule("$", List.of("read"), Action.ALLOW, List.of(), RuleFilter.NONE, RuleFilter.NONE, null)));
        Policy x86_64Only = PolicyResolver.resolve(p, new Target(Arch.X86_64, Set.of(), KERNEL));
        BpfProgram program = Compiler.compile(x86_64Only, CompileOptions.DEFAULT).program();

        assertThat(Emulator.run(program, SeccompData.of(Arch.X86_64, 0)).action()).isEqualTo(Action.ALLOW);
        // read on x32 is 0x40000000: x32 is not in this filter, so it is a foreign ABI
        assertThat(Emulator.run(program, SeccompData.of(Arch.X32, 0x40000000)).action()).isEqualTo(Action.KILL_PROCESS);
        assertThat(Emulator.run(program, SeccompData.of(Arch.X86_64, -1)).action()).isEqualTo(Action.errno(1));
    }

    @Test
    void i386SocketCallsAreMatchedDirectlyAndThroughSocketcallAndIpc() {
        Policy policy = everyFeature(Arch.X86, Set.of());
        BpfProgram program = Compiler.compile(policy, CompileOptions.DEFAULT).program();
        SyscallTable x86 = SyscallTable.of(Arch.X86);
        int ipc = x86.number("ipc").getAsInt();
        int socketcall = x86.number("socketcall").getAsInt();

        // shmget: allowed directly (395) and as ipc(SHMGET=23); another ipc call is not
        assertThat(run(program, Arch.X86, x86.number("shmget").getAsInt())).isEqualTo(Action.ALLOW);
        assertThat(policy.arch(Arch.X86).orElseThrow().rulesFor(ipc)).hasSize(1);
        assertThat(run(program, Arch.X86, ipc, 23)).isEqualTo(Action.ALLOW);
        assertThat(run(program, Arch.X86, ipc, 2)).isEqualTo(Action.errno(1));
        // a conditional refusal of bind applies to every socketcall(SYS_BIND): it cannot be bypassed
        assertThat(run(program, Arch.X86, socketcall, 2)).isEqualTo(Action.errno(13));
        assertThat(run(program, Arch.X86, x86.number("bind").getAsInt(), 3, 0, 8)).isEqualTo(Action.errno(1));
        assertThat(run(program, Arch.X86, x86.number("bind").getAsInt(), 3, 0, 20)).isEqualTo(Action.errno(13));
        // a conditional ALLOW of connect cannot be checked through socketcall: not allowed there
        assertThat(policy.notes()).anyMatch(n -> n.contains("socketcall(connect) not allowed"));
    }

    @Test
    void thirtyTwoBitArchitecturesCompareTheLowHalfOnly() {
        Policy policy = everyFeature(Arch.X86, Set.of());
        BpfProgram program = Compiler.compile(policy, CompileOptions.DEFAULT).program();
        int personality = SyscallTable.of(Arch.X86).number("personality").getAsInt();
        assertThat(run(program, Arch.X86, personality, 0xffffffffL)).isEqualTo(Action.ALLOW);
        assertThat(Disassembler.text(program, List.of(Arch.X86))).doesNotContain("args[0].hi");
    }

    @Test
    void longJumpsAreBridged() {
        List<SyscallRule> rules = new ArrayList<>();
        for (int v = 0; v < 300; v++) {
            rules.add(new SyscallRule("$.syscalls[" + v + "]", List.of("ioctl"), Action.ALLOW,
                    List.of(new ArgCondition(1, v * 3L, 0, CompareOp.EQ), new ArgCondition(2, 7, 0, CompareOp.NE)),
                    RuleFilter.NONE, RuleFilter.NONE, null));
        }
        rules.add(new SyscallRule("$", List.of("read", "write"), Action.ALLOW, List.of(), RuleFilter.NONE, RuleFilter.NONE, null));
        Profile p = new Profile("t", Action.errno(1), List.of(), List.of(), List.of(), null, null, rules);
        Policy policy = PolicyResolver.resolve(p, new Target(Arch.X86_64, Set.of(), KERNEL));
        BpfProgram program = Compiler.compile(policy, CompileOptions.DEFAULT).program();

        assertThat(program.length()).isGreaterThan(600);
        assertThat(program.check()).isEmpty();
        assertThat(Reference.disagreements(policy, CompileOptions.DEFAULT, program)).isEmpty();
    }

    @Test
    void programsOverTheKernelLimitAreRefused() {
        List<SyscallRule> rules = new ArrayList<>();
        for (int v = 0; v < 1500; v++) {
            rules.add(new SyscallRule("$.syscalls[" + v + "]", List.of("ioctl"), v % 2 == 0 ? Action.ALLOW : Action.errno(2),
                    List.of(new ArgCondition(1, v, 0, CompareOp.EQ), new ArgCondition(2, v, 0, CompareOp.EQ)),
                    RuleFilter.NONE, RuleFilter.NONE, null));
        }
        Profile p = new Profile("big.json", Action.errno(1), List.of(), List.of(), List.of(), null, null, rules);
        Policy policy = PolicyResolver.resolve(p, new Target(Arch.X86_64, Set.of(), KERNEL));
        assertThatThrownBy(() -> Compiler.compile(policy, CompileOptions.DEFAULT))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("big.json: the filter compiles to ")
                .hasMessageContaining("limit of 4096");
    }

    @Test
    void unconditionalAllowsReachTheirReturnWithoutTouchingArguments() {
        Policy policy = everyFeature(Arch.X86_64, Target.dockerDefaultCapabilities());
        BpfProgram program = Compiler.compile(policy, CompileOptions.DEFAULT).program();
        ArchPolicy x86_64 = policy.arch(Arch.X86_64).orElseThrow();
        Set<Integer> cached = CacheCheck.allowedWithoutArguments(program, Arch.X86_64, 0, SyscallTable.of(Arch.X86_64).highest());
        for (int nr : SyscallTable.of(Arch.X86_64).byNumber().keySet()) {
            boolean unconditionalAllow = x86_64.rulesFor(nr).stream().anyMatch(r -> r.unconditional() && r.action().equals(Action.ALLOW));
            assertThat(cached.contains(nr)).as("nr %d", nr).isEqualTo(unconditionalAllow);
        }
    }

    private static Action run(BpfProgram program, Arch arch, int nr, long... args) {
        return Emulator.run(program, SeccompData.of(arch, nr, args)).action();
    }
}
