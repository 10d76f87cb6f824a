package io.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.seccomp.BpfProgram;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SeccompCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void compileWritesAProgramThatDisasmReads(@TempDir Path dir) throws Exception {
        Path bpf = dir.resolve("default.bpf");
        assertThat(run("seccomp", "compile", "default", "--arch", "x86_64", "--kernel", "6.1", "-o", bpf.toString())).isZero();
        byte[] bytes = Files.readAllBytes(bpf);
        assertThat(BpfProgram.fromBytes("t", bytes).check()).isEmpty();

        assertThat(run("seccomp", "disasm", bpf.toString())).isZero();
        assertThat(out.toString()).contains("ld    arch").contains("x86_64/x32").contains("ret   ALLOW");
        assertThat(run("seccomp", "disasm", "--stats", bpf.toString())).isZero();
        assertThat(out.toString()).contains("cache-eligible");
    }

    @Test
    void aBadProfileExitsTwoWithOneLine() {
        int code = run("seccomp", "compile", "src/test/resources/io/bulwark/seccomp/profiles/unknown-operator.json");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString().strip()).startsWith("bulwark: src/test/resources/io/bulwark/seccomp/profiles/unknown-operator.json: "
                + "$.syscalls[0].args[0].op").doesNotContain("\n").doesNotContain("Exception");
    }

    @Test
    void aFileThatIsNoProgramExitsTwo(@TempDir Path dir) throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.bpf"), "abc");
        assertThat(run("seccomp", "disasm", junk.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("junk.bpf: 3 bytes is not a BPF program");
    }

    private static final String FIXTURES = "src/test/resources/io/bulwark/seccomp/";

    @Test
    void explainNamesTheActionAndConditionsOfEachSyscall() {
        assertThat(run("seccomp", "explain", FIXTURES + "explain/personality-and-mask.json", "personality", "getpid",
                "--arch", "x86_64", "--kernel", "6.1")).isZero();
        assertThat(out.toString()).isEqualTo("x86_64:\n"
                + "  personality: ALLOW if arg0 == 0x0 | 0x8 | 0xffffffff; else ERRNO(EPERM)\n"
                + "  getpid: KILL_PROCESS\n");
    }

    @Test
    void explainOfACompiledProgramSaysItsConditionsAreInferred(@TempDir Path dir) {
        Path bpf = dir.resolve("p.bpf");
        assertThat(run("seccomp", "compile", FIXTURES + "explain/personality-and-mask.json", "--arch", "x86_64", "-o", bpf.toString())).isZero();
        assertThat(run("seccomp", "explain", bpf.toString())).isZero();
        assertThat(out.toString()).contains("are inferred from argument samples").contains("  ALLOW (2):\n    read write\n")
                .contains("  KILL_PROCESS (1):\n    getpid\n").contains("personality: ALLOW if arg0 == 0x0 | 0x8 | 0xffffffff");
    }

    @Test
    void explainOfAnUnknownSyscallIsOneLineWithSuggestions() {
        assertThat(run("seccomp", "explain", "default", "ptrcae")).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("bulwark: 'ptrcae' is not a syscall on x86_64, x86, x32, aarch64, arm; "
                + "did you mean ptrace, prctl?");
    }

    @Test
    void diffExitsZeroWhenTheSameAndOneWhenDifferent(@TempDir Path dir) {
        Path bpf = dir.resolve("p.bpf");
        String profile = FIXTURES + "explain/personality-and-mask.json";
        assertThat(run("seccomp", "compile", profile, "--arch", "x86_64", "-o", bpf.toString())).isZero();
        assertThat(run("seccomp", "diff", profile, bpf.toString(), "--arch", "x86_64")).isZero();
        assertThat(out.toString()).contains("same decisions on x86_64");
        assertThat(run("seccomp", "diff", profile, FIXTURES + "explain/read-allowed-write-refused.json", "--arch", "x86_64",
                "--format", "json")).isEqualTo(1);
        assertThat(out.toString()).contains("\"same\" : false").contains("\"syscall\" : \"write\"");
        assertThat(run("seccomp", "diff", profile, FIXTURES + "profiles/unknown-action.json")).isEqualTo(2);
    }

    @Test
    void lintFailsOnTheGivenSeverity() {
        String unconfined = FIXTURES + "lint/unconfined-every-arch.json";
        assertThat(run("seccomp", "lint", unconfined, "--arch", "x86_64", "--kernel", "6.1")).isZero();
        assertThat(out.toString()).contains("critical module: init_module allowed on x86_64, x86, x32");
        assertThat(run("seccomp", "lint", unconfined, "--arch", "x86_64", "--fail-on", "critical")).isEqualTo(1);
        assertThat(err.toString()).contains("bulwark: lint failed: findings at critical or worse");
        assertThat(run("seccomp", "lint", "strict", "--arch", "x86_64", "--kernel", "6.1", "--fail-on", "medium", "--format", "json")).isZero();
        assertThat(out.toString()).contains("\"syscall\" : \"adjtimex\"").contains("\"severity\" : \"info\"");
        assertThat(run("seccomp", "lint", "strict", "--fail-on", "dire")).isEqualTo(2);
    }
}
