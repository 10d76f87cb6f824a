package io.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code bulwark run}: exit codes of failures before start, --dry-run, and the hand-over. */
class RunCommandTest {

    record Outcome(int status, String out, String err) {
    }

    /** In this JVM: only for runs that never reach the hand-over (it would replace the JVM). */
    static Outcome inProcess(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int status = cli.execute(args);
        return new Outcome(status, out.toString(), err.toString());
    }

    /** In a child JVM that hands itself over to the executor, as 'bulwark run' does. */
    static Outcome handedOver(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.PIPE).start();
        String out = new String(p.getInputStream().readAllBytes());
        String err = new String(p.getErrorStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Outcome(p.exitValue(), out, err);
    }

    @Test
    void dryRunPrintsThePlanAndRunsNothing() {
        Outcome o = inProcess("run", "--seccomp", "unconfined", "--pids-max", "unlimited", "--hostname", "box",
                "--dry-run", "--", "sh", "-c", "touch /tmp/never");
        assertThat(o.status()).isZero();
        assertThat(o.out()).contains("namespaces:   new user mnt pid ipc uts net cgroup time", "hostname:     box",
                "mount:        bind / on / (ro,nosuid,nodev)", "mount:        mask /proc/kcore", "exec:         sh -c touch /tmp/never");
    }

    @Test
    void badUsageIsExit2WithOneLine() {
        for (String[] args : List.of(new String[] {"run", "--share", "mnt", "--", "true"},
                new String[] {"run", "--bind", "/etc", "--", "true"}, new String[] {"run", "--cap-add", "FLY", "--", "true"},
                new String[] {"run", "--rlimit", "nofile=9:1", "--", "true"}, new String[] {"run", "--cwd", "rel", "--", "true"},
                new String[] {"run", "--user", "nobody", "--", "true"}, new String[] {"run", "--map", "0:1", "--", "true"},
                new String[] {"run", "--bind", "/etc:/etc:rw", "--", "true"})) {
            Outcome o = inProcess(args);
            assertThat(o.status()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(o.err().lines().count()).as(o.err()).isEqualTo(1);
        }
    }

    @Test
    void failuresBeforeStartAre125AndAMissingCommand127() {
        Outcome bind = inProcess("run", "--seccomp", "unconfined", "--bind", "/no/such:/tmp/x", "--", "true");
        assertThat(bind.status()).isEqualTo(125);
        assertThat(bind.err()).isEqualTo("bulwark: --bind /no/such:/tmp/x: /no/such does not exist on the host\n");
        Outcome cmd = inProcess("run", "--seccomp", "unconfined", "--", "no-such-command-anywhere");
        assertThat(cmd.status()).isEqualTo(127);
    }

    @Test
    void theJvmHandsOverAndLeavesNoFdBehind() throws Exception {
        Outcome o = handedOver("run", "--seccomp", "unconfined", "--", "sh", "-c", "ls /proc/self/fd; exit 5");
        assertThat(o.status()).as(o.err()).isEqualTo(5);
        // 0-2, and the one ls opened to list the directory
        assertThat(o.out().lines().toList()).containsExactly("0", "1", "2", "3");
    }
}
