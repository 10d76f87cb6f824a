package io.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line as a user meets it: exit codes, one-line errors, no stack traces. */
class MainTest {

    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void helpListsTheCommandsAndExitCodes() {
        Result r = run("--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("scan", "rules", "generate-completion", "Exit codes");
    }

    @Test
    void versionNamesBulwark() {
        assertThat(run("--version").out()).startsWith("bulwark ");
    }

    @Test
    void unknownOptionIsUsageErrorTwoWithOneMessageAndNoStackTrace() {
        Result r = run("scan", "--frobnicate");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("Unknown option: '--frobnicate'").doesNotContain("\tat ");
    }

    @Test
    void badSeverityIsUsageError() {
        Result r = run("scan", "--fail-on", "severe");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("unknown severity 'severe'");
    }

    @Test
    void badRuleDirectoryIsOneLineExitTwo() {
        Result r = run("rules", "list", "--rules", "src/test/resources/rules/unknown-fact");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("bulwark: src/test/resources/rules/unknown-fact/r.yaml: ")
                .doesNotContain("\n").doesNotContain("Exception");
    }

    @Test
    void debugPrintsTheStackTrace() {
        Result r = run("--debug", "rules", "show", "NOPE");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("\tat ").contains("rule 'NOPE' does not exist");
    }

    @Test
    void rulesListAndShowExplainARule() {
        assertThat(run("rules", "list").out()).contains("BW-ROOT-001");
        Result show = run("rules", "show", "BW-CAP-001");
        assertThat(show.code()).isZero();
        assertThat(show.out()).contains("CIS Docker Benchmark 1.6: 5.4", "fails when: caps.effective contains SYS_ADMIN", "fix:");
        assertThat(run("rules", "facts").out()).contains("user.root_is_host_root");
    }

    @Test
    void completionScriptIsGenerated() {
        Result r = run("generate-completion");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("complete -F").contains("scan");
    }

    @Test
    void scanOfThisMachineExitsZeroWithoutAGateAndOneWithIt(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("report.json");
        Result plain = run("scan", "--format", "json", "--out", json.toString());
        assertThat(plain.code()).isZero();
        JsonNode report = new ObjectMapper().readTree(Files.readString(json));
        assertThat(report.path("schema").asText()).isEqualTo("bulwark-report/1");
        assertThat(report.path("targets").get(0).path("facts").size()).isPositive();

        long highOrWorse = 0;
        for (JsonNode f : report.path("targets").get(0).path("findings")) {
            boolean severe = f.path("severity").asText().matches("critical|high");
            highOrWorse += severe && f.path("status").asText().equals("fail") ? 1 : 0;
        }
        Result gated = run("scan", "--fail-on", "high", "--format", "json", "--out", json.toString());
        assertThat(gated.code()).isEqualTo(highOrWorse > 0 ? 1 : 0);
        assertThat(gated.err()).contains(highOrWorse > 0 ? "gate failed: " + highOrWorse + " open finding(s)" : "");

        // Run as root in the host's user namespace (as on CI), root is honestly reported as host root.
        if (Files.readSymbolicLink(Path.of("/proc/self/ns/user")).toString().equals("user:[4026531837]")
                && new com.sun.security.auth.module.UnixSystem().getUid() == 0) {
            assertThat(status(report, "BW-ROOT-001")).isEqualTo("fail");
            assertThat(gated.code()).isEqualTo(1);
        }
    }

    @Test
    void noSyscallProbeTriesNoCallAndSaysSo(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("report.json");
        assertThat(run("scan", "--no-syscall-probe", "--format", "json", "--out", json.toString()).code()).isZero();
        JsonNode facts = new ObjectMapper().readTree(Files.readString(json)).path("targets").get(0).path("facts");
        int syscallFacts = 0;
        for (JsonNode f : facts) {
            if (f.path("name").asText().startsWith("syscall.")) {
                syscallFacts++;
                assertThat(f.path("observed").asBoolean()).isFalse();
                assertThat(f.path("evidence").asText()).contains("--no-syscall-probe");
            }
        }
        assertThat(syscallFacts).isGreaterThan(30);
    }

    @Test
    void outIntoAMissingDirectoryIsAnInputError(@TempDir Path dir) {
        Result r = run("scan", "--out", dir.resolve("no/such/report.txt").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("does not exist");
    }

    private static String status(JsonNode report, String ruleId) {
        for (JsonNode f : report.path("targets").get(0).path("findings")) {
            if (f.path("ruleId").asText().equals(ruleId)) {
                return f.path("status").asText();
            }
        }
        return "";
    }
}
