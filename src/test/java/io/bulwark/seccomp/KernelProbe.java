package io.bulwark.seccomp;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Loads a compiled filter into the kernel for real: a small C program (probe.c), built once
 * per test run, installs it on itself after PR_SET_NO_NEW_PRIVS and makes the syscalls it is
 * given. The test JVM itself is never filtered.
 */
final class KernelProbe {
    /** One syscall to make: through the x86_64 ABI, or the i386 one ({@code int $0x80}). */
    record Call(boolean i386, int nr, long... args) {
    }

    private static Path binary;

    private KernelProbe() {
    }

    static synchronized Path binary() throws IOException, InterruptedException {
        if (binary == null) {
            assumeTrue("amd64".equals(System.getProperty("os.arch")), "the kernel tests run on x86_64 hosts");
            Path dir = Files.createDirectories(Paths.get("target", "seccomp-probe"));
            Path out = dir.resolve("probe");
            Process cc = new ProcessBuilder("cc", "-O1", "-o", out.toString(),
                    "src/test/resources/io/bulwark/seccomp/kernel/probe.c").redirectErrorStream(true).start();
            String log = new String(cc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            boolean built = cc.waitFor() == 0;
            if (!built && "true".equals(System.getenv("CI"))) {
                throw new AssertionError("cannot build the seccomp probe: " + log);
            }
            assumeTrue(built, "no C compiler to build the seccomp probe: " + log);
            binary = out;
        }
        return binary;
    }

    /** The return value of each call (or -errno) with {@code program} installed. */
    static List<Long> run(BpfProgram program, List<Call> calls) throws IOException, InterruptedException {
        Path filter = Files.createTempFile("bulwark-filter", ".bpf");
        try {
            Files.write(filter, program.toBytes());
            StringBuilder in = new StringBuilder();
            for (Call c : calls) {
                in.append(c.i386() ? 32 : 64).append(' ').append(c.nr());
                for (int i = 0; i < 6; i++) {
                    in.append(' ').append(i < c.args().length ? "0x" + Long.toHexString(c.args()[i]) : "0");
                }
                in.append('\n');
            }
            Process p = new ProcessBuilder(binary().toString(), filter.toString()).start();
            p.getOutputStream().write(in.toString().getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new AssertionError("probe failed (exit " + p.exitValue() + "): " + err);
            }
            List<Long> results = new ArrayList<>();
            out.lines().forEach(l -> results.add(Long.parseLong(l.trim())));
            return results;
        } finally {
            Files.deleteIfExists(filter);
        }
    }
}
