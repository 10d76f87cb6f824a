package io.bulwark.seccomp;

import io.bulwark.os.KernelVersion;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class ShippedProfilesTest {
    private static final KernelVersion KERNEL = new KernelVersion(6, 1, 0);
    private static final List<Set<String>> CAPS = List.of(Target.dockerDefaultCapabilities(), Set.of(),
            Set.of("CAP_SYS_ADMIN", "CAP_SYS_PTRACE", "CAP_SYS_BOOT", "CAP_SYS_MODULE", "CAP_BPF", "CAP_PERFMON"));

    @Test
    void strictRefusesWhatOrdinaryWorkloadsDoNotNeedAndKeepsTheRest() {
        Target t = new Target(Arch.X86_64, Target.dockerDefaultCapabilities(), KERNEL);
        Policy strict = PolicyResolver.resolve(ProfileLoader.bundled("strict"), t);
        Policy dflt = PolicyResolver.resolve(ProfileLoader.bundled("default"), t);
        SyscallTable table = SyscallTable.of(Arch.X86_64);
        for (String gone : List.of("userfaultfd", "personality", "ptrace", "process_vm_readv", "io_uring_setup")) {
            assertThat(decide(strict, table.number(gone).getAsInt(), 0)).as(gone).isEqualTo(Action.errno(1));
        }
        assertThat(decide(dflt, table.number("ptrace").getAsInt(), 0)).isEqualTo(Action.ALLOW);
        assertThat(decide(dflt, table.number("personality").getAsInt(), 8)).isEqualTo(Action.ALLOW);
        for (String kept : List.of("read", "write", "openat", "mmap", "futex", "epoll_wait", "execve")) {
            assertThat(decide(strict, table.number(kept).getAsInt(), 0)).as(kept).isEqualTo(Action.ALLOW);
        }
    }

    @Test
    @Tag("anchors")
    void defaultDecidesAsDockersProfileForTheSameCapabilities() {
        Path docker = Paths.get(System.getProperty("bulwark.shared.dir", "../shared"), "anchors", "docker-default-seccomp.json");
        for (Arch arch : List.of(Arch.X86_64, Arch.AARCH64)) {
            for (Set<String> caps : CAPS) {
                Target t = new Target(arch, caps, KERNEL);
                Policy ours = PolicyResolver.resolve(ProfileLoader.bundled("default"), t);
                Policy theirs = PolicyResolver.resolve(ProfileLoader.load(docker), t);
                BpfProgram a = Compiler.compile(ours, CompileOptions.DEFAULT).program();
                BpfProgram b = Compiler.compile(theirs, CompileOptions.DEFAULT).program();
                for (ArchPolicy p : theirs.arches()) {
                    for (int nr : Reference.numbers(p.arch())) {
                        for (long[] args : ArgumentSamples.of(p.rulesFor(nr))) {
                            SeccompData d = SeccompData.of(p.arch(), nr, args);
                            assertThat(Emulator.run(a, d).action()).as("%s %s nr %d", arch, caps, nr)
                                    .isEqualTo(Emulator.run(b, d).action());
                        }
                    }
                }
            }
        }
    }

    private static Action decide(Policy p, int nr, long arg0) {
        return p.arch(Arch.X86_64).orElseThrow().decide(nr, new long[] {arg0, 0, 0, 0, 0, 0}, p.defaultAction());
    }
}
