package io.bulwark.cli;

import io.bulwark.runtime.ExecutorBinary;
import io.bulwark.runtime.HostView;
import io.bulwark.runtime.Launcher;
import io.bulwark.runtime.Plan;
import io.bulwark.runtime.PlanCache;
import io.bulwark.runtime.PlanEncoder;
import io.bulwark.runtime.PlanInputs;
import io.bulwark.runtime.PlanText;
import io.bulwark.runtime.Planner;
import io.bulwark.runtime.RunFailure;
import io.bulwark.runtime.RuntimeDefaults;
import io.bulwark.runtime.SeccompPrograms;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bulwark run}: plan a hardened run, then hand the process over to the executor. */
@Command(name = "run", mixinStandardHelpOptions = true,
        header = "Run a command hardened: user namespace, seccomp, no capabilities, pids cgroup.",
        description = {
            "Run a command hardened: new namespaces (user, mnt, pid, ipc, uts, net, cgroup), root mapped to an",
            "unprivileged host id, the host's / read-only (or --rootfs) with a fresh /proc, a minimal /dev,",
            "Docker's masked and read-only paths, /sys read-only, no capabilities, no_new_privs, seccomp,",
            "a pids cgroup. bulwark's own process becomes the run's supervisor: no JVM stays resident.", "",
            "Root in the container maps, when bulwark runs as root, to the ids of user 'bulwark' in",
            "/etc/subuid and /etc/subgid if it has an entry there, else to the fixed host range",
            "1000000000-1000065535; run by another user, to that user alone (rootless).", ""},
        footerHeading = "%nExit codes:%n",
        footer = {"  the command's own status (128+N when killed by signal N)",
            "  125  bulwark failed before the command started   126  the command could not be executed",
            "  127  the command was not found                    2  bad usage"})
public final class RunCommand implements Callable<Integer>, Main.FailureCode {

    @Mixin
    RunOptions options;

    @Option(names = "--dry-run", description = "Print the plan as text instead of running it.")
    boolean dryRun;

    @Option(names = "--no-cache", description = {"Plan afresh and do not store the plan. By default the launcher keeps",
        "compiled plans and starts a repeated run without a JVM while its inputs are unchanged."})
    boolean noCache;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        // The launcher's class-archive training: a dry run that also loads what the hand-over loads.
        boolean training = dryRun && System.getenv("BULWARK_TRAINING") != null;
        CompletableFuture<Launcher.HandoverCalls> calls = dryRun && !training ? null : Launcher.bindEarly();
        try {
            Optional<String> key = noCache || dryRun ? Optional.empty() : PlanCache.key(System.getenv());
            PlanInputs inputs = key.isPresent() ? PlanInputs.recording() : PlanInputs.NONE;
            inputs.invocation(spec.root().commandLine().getParseResult().originalArgs(), Path.of(System.getProperty("user.dir")));
            inputs.content(codeSource());
            HostView host = HostView.current(inputs);
            Plan plan = new Planner(RuntimeDefaults.load(), host, new SeccompPrograms(), inputs).plan(options.spec());
            if (training) {
                PlanEncoder.encode(plan);
                calls.join();
            }
            if (dryRun) {
                PrintWriter out = spec.commandLine().getOut();
                PlanText.lines(plan).forEach(out::println);
                out.flush();
                return ExitCode.OK.code();
            }
            Path cache = ExecutorBinary.cacheDir(host.euid(), System.getenv());
            Path exe = ExecutorBinary.extract(cache, host.euid());
            byte[] bytes = PlanEncoder.encode(plan);
            if (key.isPresent()) {
                inputs.content(exe);
                store(new PlanCache(cache, host.euid()), key.get(), bytes, inputs, exe, err);
            }
            new Launcher(exe, cache).handOver(bytes, calls);
            return ExitCode.RUN_FAILED.code(); // not reached: handOver returns only by throwing
        } catch (RunFailure f) {
            err.println("bulwark: " + f.getMessage());
            return f.exitCode();
        }
    }

    /** A cache that cannot be written costs the next run its speed, not this run its start. */
    private static void store(PlanCache cache, String key, byte[] plan, PlanInputs inputs, Path exe, PrintWriter err) {
        try {
            cache.store(key, plan, inputs, exe);
        } catch (IOException | RunFailure e) {
            err.println("bulwark: the plan is not cached (" + e.getMessage() + "); the next run plans again");
            err.flush();
        }
    }

    /** bulwark's own jar (or classes directory): a new build makes every cached plan stale. */
    private static Path codeSource() {
        try {
            return Path.of(RunCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public ExitCode failureCode() {
        return ExitCode.RUN_FAILED;
    }
}
