package io.bulwark.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * docs/syscall-probes.md is generated from syscall-probes.yaml and must match it. To regenerate
 * after editing the list: {@code mvn test -Dtest=SyscallProbeDocTest -Dbulwark.writeDocs=true}.
 */
class SyscallProbeDocTest {
    private static final Path DOC = Path.of(System.getProperty("bulwark.project.dir", "."), "docs", "syscall-probes.md");

    static String render(List<SyscallProbeSpec> specs) {
        StringBuilder md = new StringBuilder("""
                # System-call probes

                <!-- Generated from src/main/resources/io/bulwark/probe/syscall-probes.yaml by SyscallProbeDocTest; edit the YAML, not this file. -->

                `bulwark scan --self` tries each call below once, with arguments the kernel rejects before
                it can change anything, and reads the answer as the fact `syscall.NAME`:

                - `allowed`: the kernel's own handler answered (the errno listed under *reached*, or a value
                  for a read-only query): no seccomp rule stopped the call. Whether it would *succeed* with
                  real arguments is for the capability rules: where the handler checks a capability before
                  the argument the probe relies on, the table names it, and `allowed` then also means the
                  capability was held.
                - `refused`: EPERM or EACCES before the handler: the seccomp filter, or the capability named
                  in the table (with no filter in force, only the capability or an LSM).
                - `enosys`: the kernel lacks the call, or a seccomp rule answers ENOSYS.
                - `killed`: the call never returned: a seccomp KILL, KILL_THREAD or TRAP action.
                - anything else leaves the fact unobserved, with the errno as the reason.

                With no seccomp filter in force (status `Seccomp: 0`) the calls run on a thread of the
                scanning JVM; otherwise in a child JVM that reports each call before making it, so a filter
                that kills ends the child, the call in flight is recorded as `killed`, and a new child
                carries on. `bulwark scan --no-syscall-probe` skips the calls; their facts are then
                unobserved. A profile that filters on argument values may answer differently for other
                arguments than these. Only the native 64-bit system-call table is probed.

                | call as made | x86_64 | aarch64 | reached | capability checked first | tried only if |
                |---|---|---|---|---|---|
                """);
        for (SyscallProbeSpec s : specs) {
            md.append("| `").append(s.call()).append("` | ")
                    .append(s.number("x86_64").map(String::valueOf).orElse("—")).append(" | ")
                    .append(s.number("aarch64").map(String::valueOf).orElse("—")).append(" | ")
                    .append(String.join(", ", s.expect())).append(" | ")
                    .append(s.capability().map(c -> "CAP_" + c).orElse("—")).append(" | ")
                    .append(s.onlyIf().map(g -> "`" + g.sysctl().replace('/', '.') + "` = " + g.equals()).orElse("—"))
                    .append(" |\n");
        }
        md.append("\n## Why each call is harmless\n");
        for (SyscallProbeSpec s : specs) {
            md.append("\n### ").append(s.name()).append("\n\n`").append(s.call()).append("`")
                    .append(s.returnsFd() ? " (a descriptor it returned would be closed at once)" : "").append("\n\n")
                    .append(s.why()).append("\n");
            s.onlyIf().ifPresent(g -> md.append("\nTried only if `").append(g.sysctl().replace('/', '.')).append("` is ")
                    .append(g.equals()).append(" (or the kernel has no such knob): ").append(g.because()).append(".\n"));
        }
        return md.toString();
    }

    @Test
    void theDocumentListsEveryProbedCallAsTheListSays() throws IOException {
        String expected = render(SyscallProbeList.builtIn());
        if (Boolean.getBoolean("bulwark.writeDocs")) {
            Files.createDirectories(DOC.getParent());
            Files.writeString(DOC, expected, StandardCharsets.UTF_8);
        }
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        for (SyscallProbeSpec spec : SyscallProbeList.builtIn()) {
            assertThat(doc).as(spec.name()).contains("### " + spec.name() + "\n").contains("`" + spec.call() + "`");
        }
        assertThat(doc).as("docs/syscall-probes.md is out of date: regenerate it (see this test's comment)").isEqualTo(expected);
    }
}
