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
}
