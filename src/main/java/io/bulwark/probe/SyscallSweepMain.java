package io.bulwark.probe;

import io.bulwark.os.RawSyscall;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The child JVM of {@link ChildJvmSweep}: makes each call given on the command line and
 * reports it as it goes, so that a seccomp action that kills this process names the call in
 * flight. Protocol on stdout, one line each: {@code ready} once the binding is loaded, then per call {@code call NAME}
 * before it and {@code done NAME RETURNED ERRNO} after it.
 */
public final class SyscallSweepMain {
    private SyscallSweepMain() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        List<SyscallCall> calls = new ArrayList<>();
        for (String arg : args) {
            calls.add(decode(arg));
        }
        RawSyscall.load();
        out.println("ready");
        for (SyscallCall call : calls) {
            out.println("call " + call.name());
            RawSyscall.Result r = InProcessSweep.callAndTidy(call);
            out.println("done " + call.name() + " " + r.returned() + " " + r.errno());
        }
    }

    /** {@code NAME:NUMBER:A1,A2,..:FD} where FD is 1 when a success returns a descriptor. */
    static String encode(SyscallCall call) {
        return call.name() + ":" + call.number() + ":"
                + String.join(",", call.args().stream().map(String::valueOf).toList()) + ":" + (call.returnsFd() ? 1 : 0);
    }

    static SyscallCall decode(String text) {
        String[] parts = text.split(":", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("bad call '" + text + "' (expected NAME:NUMBER:ARGS:FD)");
        }
        List<Long> args = parts[2].isEmpty() ? List.of() : Arrays.stream(parts[2].split(",")).map(Long::valueOf).toList();
        return new SyscallCall(parts[0], Long.parseLong(parts[1]), args, parts[3].equals("1"));
    }
}
