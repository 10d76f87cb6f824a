package io.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bulwark.testing.PublicClasspath;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * scan --pid and scan --all run by an ordinary user (uid 65534) against root's processes: the
 * report says what could not be read and why, never a stack trace, and never a pass for what
 * was out of reach.
 */
class ScanWithoutRootTest {
    private static PublicClasspath classpath;

    @BeforeAll
    static void copyClasspath() throws IOException {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root to switch to uid 65534");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "needs setpriv");
        classpath = PublicClasspath.copy("bulwark-nonroot-cp");
    }

    @AfterAll
    static void removeClasspath() throws IOException {
        if (classpath != null) {
            classpath.close();
        }
    }

    @Test
    void scanPidOfARootProcessSaysWhatItCouldNotReadAndPassesNothingUnseen() throws Exception {
        Process rootSleep = new ProcessBuilder("sleep", "600").start();
        try {
            Run run = asNobody("scan", "--pid", Long.toString(rootSleep.pid()), "--format", "json");
            assertThat(run.exit()).as(run.err()).isEqualTo(ExitCode.OK.code());
            assertThat(run.err()).doesNotContain("Exception", "\tat ");
            JsonNode target = new ObjectMapper().readTree(run.out()).get("targets").get(0);
            Map<String, JsonNode> facts = new HashMap<>();
            target.get("facts").forEach(f -> facts.put(f.get("name").asText(), f));
            Map<String, String> findings = new HashMap<>();
            target.get("findings").forEach(f -> findings.put(f.get("ruleId").asText(), f.get("status").asText()));

            assertThat(facts.get("caps.effective").get("observed").asBoolean()).as("status is world-readable").isTrue();
            assertThat(facts.get("ns.pid.shared").get("observed").asBoolean()).isFalse();
            assertThat(facts.get("ns.pid.shared").get("evidence").asText()).contains("cannot read /proc/" + rootSleep.pid() + "/ns/pid");
            for (String inside : List.of("proc.kcore.readable", "sys.writable", "dev.mem_present", "cgroup.pids.max")) {
                assertThat(facts.get(inside).get("observed").asBoolean()).as(inside).isFalse();
                assertThat(facts.get(inside).get("evidence").asText()).as(inside)
                        .contains("cannot enter /proc/" + rootSleep.pid() + "/root (permission denied)", "run bulwark as root");
            }
            for (String rule : List.of("BW-NS-001", "BW-PROC-001", "BW-SYS-001", "BW-DEV-001", "BW-PIDS-001")) {
                assertThat(findings.get(rule)).as(rule + " rests on facts out of reach").isEqualTo("not-applicable");
            }
            assertThat(findings.get("BW-ROOT-002")).as("root seen in status is still root").isEqualTo("fail");

            Run text = asNobody("scan", "--pid", Long.toString(rootSleep.pid()));
            assertThat(text.exit()).isEqualTo(ExitCode.OK.code());
            assertThat(text.out()).contains("could not be checked", "cannot enter /proc/" + rootSleep.pid() + "/root (permission denied)");
        } finally {
            rootSleep.destroyForcibly();
        }
    }

    @Test
    void withoutCapSysAdminAFilterIsJudgedByItsStatusFieldsOnlyAndSaysSo() throws Exception {
        Path python = Path.of("/usr/bin/python3");
        assumeTrue(Files.isExecutable(python) && hasPythonSeccomp(), "needs Debian's python3-seccomp");
        // uid 65534's own process, so nothing but the missing CAP_SYS_ADMIN stands in the way
        Process filtered = new ProcessBuilder("setpriv", "--reuid", "65534", "--regid", "65534", "--clear-groups", python.toString(), "-c",
                "import seccomp, time\nf = seccomp.SyscallFilter(seccomp.ALLOW)\nf.add_rule(seccomp.ERRNO(1), 'mount')\nf.load()\n"
                        + "time.sleep(600)").start();
        try {
            Path status = Path.of("/proc/" + filtered.pid() + "/status");
            for (int i = 0; i < 100 && !Files.readString(status).contains("Seccomp:\t2"); i++) {
                Thread.sleep(50);
            }
            Run run = asNobody("scan", "--pid", Long.toString(filtered.pid()), "--format", "json");
            assertThat(run.exit()).as(run.err()).isEqualTo(ExitCode.OK.code());
            JsonNode target = new ObjectMapper().readTree(run.out()).get("targets").get(0);
            Map<String, JsonNode> facts = new HashMap<>();
            target.get("facts").forEach(f -> facts.put(f.get("name").asText(), f));
            Map<String, String> findings = new HashMap<>();
            target.get("findings").forEach(f -> findings.put(f.get("ruleId").asText(), f.get("status").asText()));

            assertThat(facts.get("seccomp.mode").get("value").asLong()).isEqualTo(2);
            assertThat(facts.get("seccomp.filters").get("value").asLong()).isEqualTo(1);
            for (String call : List.of("syscall.sweep", "syscall.mount", "syscall.keyctl")) {
                assertThat(facts.get(call).get("observed").asBoolean()).as(call).isFalse();
                assertThat(facts.get(call).get("evidence").asText()).as(call)
                        .contains("needs CAP_SYS_ADMIN", "only the status fields seccomp.mode and seccomp.filters describe its filter");
            }
            assertThat(findings.get("BW-SECCOMP-001")).as("the status shows a filter").isEqualTo("pass");
            assertThat(findings.get("BW-SECCOMP-002")).as("what the filter refuses is unknown").isEqualTo("not-applicable");
        } finally {
            filtered.destroyForcibly();
        }
    }

    @Test
    void scanAllSaysHowManyProcessesItCouldNotPlace() throws Exception {
        Run run = asNobody("scan", "--all", "--format", "json");
        assertThat(run.exit()).as(run.err()).isEqualTo(ExitCode.SCAN_FAILED.code());
        assertThat(run.err()).contains("scan --all could not read the namespaces of", "run bulwark as root to see every process", "scan --all is incomplete")
                .doesNotContain("Exception", "\tat ");
    }

    private static boolean hasPythonSeccomp() throws IOException {
        Path modules = Path.of("/usr/lib/python3/dist-packages");
        if (!Files.isDirectory(modules)) {
            return false;
        }
        try (var files = Files.list(modules)) {
            return files.anyMatch(f -> f.getFileName().toString().startsWith("seccomp"));
        }
    }

    record Run(int exit, String out, String err) {
    }

    private static Run asNobody(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("setpriv", "--reuid", "65534", "--regid", "65534", "--clear-groups"));
        command.addAll(classpath.bulwark(args));
        Process p = new ProcessBuilder(command).directory(new File("/")).start();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> drain(p.getErrorStream()));
        String out = drain(p.getInputStream());
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out, err.get());
    }

    private static String drain(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
