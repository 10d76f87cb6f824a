package io.bulwark.seccomp;

import java.util.Optional;

/**
 * i386 reaches the socket and System V IPC calls two ways: directly (socket(2) is 359 since
 * Linux 4.3) and through the multiplexers socketcall(2) and ipc(2), whose first argument
 * names the call. A rule on "socket" must cover both. The call numbers come from
 * x86-socketcall.tsv and x86-ipc.tsv (generated from linux/net.h and linux/ipc.h).
 */
final class X86Multiplexer {
    /** The multiplexer syscall and the value of its first argument that selects {@code name}. */
    record Form(String multiplexer, int nr, int call) {
    }

    private static final SyscallTable SOCKETCALL = SyscallTable.load("x86-socketcall");
    private static final SyscallTable IPC = SyscallTable.load("x86-ipc");

    private X86Multiplexer() {
    }

    static Optional<Form> of(String name) {
        SyscallTable x86 = SyscallTable.of(Arch.X86);
        if (SOCKETCALL.number(name).isPresent()) {
            return Optional.of(new Form("socketcall", x86.number("socketcall").getAsInt(), SOCKETCALL.number(name).getAsInt()));
        }
        if (IPC.number(name).isPresent()) {
            return Optional.of(new Form("ipc", x86.number("ipc").getAsInt(), IPC.number(name).getAsInt()));
        }
        return Optional.empty();
    }
}
