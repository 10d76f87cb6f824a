package io.bulwark.cli;

import io.bulwark.audit.FactSource;
import io.bulwark.audit.Report;
import io.bulwark.audit.RuleSet;
import io.bulwark.audit.Scanner;
import io.bulwark.InputException;
import io.bulwark.config.ConfigTarget;
import io.bulwark.probe.HostContainers;
import io.bulwark.probe.LiveTarget;
import io.bulwark.probe.Probe;
import io.bulwark.probe.Probes;
import io.bulwark.probe.ProcessTarget;
import io.bulwark.report.ReportVerdict;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bulwark scan}: probe targets, judge them by the rules, apply waivers, report, gate. */
@Command(name = "scan", mixinStandardHelpOptions = true,
        header = "Audit a container or host: every isolation surface left open, with the fix.", sortOptions = false,
        description = {
            "Probe the environment bulwark runs in (a container from inside, or a bare",
            "host) and report every isolation surface left open, with evidence, severity",
            "and the fix.", ""},
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  passed the gate",
            "  1  findings at or above --fail-on (not waived, not in --baseline)",
            "  2  bad usage or input (an option, a rule, waiver or baseline file)",
            "  3  the scan itself failed, or --all could not read every process",
            "",
            "In CI:  bulwark scan --fail-on high --format sarif,junit --out-dir reports/"})
public final class ScanCommand implements Callable<Integer> {

    @Option(names = "--self", description = "Scan the environment bulwark runs in (the default).")
    boolean self;

    @Option(names = "--pid", paramLabel = "PID", split = ",", arity = "1..*",
            description = "Scan running processes from the host through /proc/PID (needs root for other users' processes).")
    List<Long> pids = new ArrayList<>();

    @Option(names = "--all",
            description = "Scan every container on the host, whatever started it: one representative process (its init)"
                    + " per set of namespaces that differs from pid 1's, named by runtime and id from its cgroup (needs root).")
    boolean all;

    @Option(names = "--config", paramLabel = "FILE", arity = "1..*",
            description = "Judge container configs before they run: OCI config.json, docker/podman inspect output,"
                    + " Kubernetes manifests (Pod, Deployment, StatefulSet, DaemonSet, Job, CronJob).")
    List<Path> configs = new ArrayList<>();

    @Option(names = "--no-syscall-probe",
            description = "Do not try dangerous syscalls with harmless arguments (docs/syscall-probes.md lists them);"
                    + " their facts are then reported as not observed.")
    boolean noSyscallProbe;

    @Mixin
    OutputOptions output;

    @Mixin
    GateOptions gate;

    @Mixin
    RuleOptions rules;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Set when --all could not read every process, so the report may miss containers. */
    private boolean discoveryIncomplete;

    @Override
    public Integer call() throws IOException {
        output.check();
        GateOptions.Policy policy = gate.load();
        RuleSet ruleSet = rules.load();
        Scanner scanner = new Scanner(ruleSet, VersionProvider.version(), Clock.systemUTC());
        PrintWriter err = spec.commandLine().getErr();
        List<FactSource> targets = targets(err);
        Report report = gate.applyWaivers(policy, scanner.scan(targets, PARALLEL_TARGETS, ProgressBar.on(err, targets.size())), ruleSet, err);
        List<Path> files = output.write(report, spec.commandLine().getOut());
        if (!files.isEmpty()) {
            ReportVerdict verdict = ReportVerdict.of(report.findings());
            err.println("bulwark: " + verdict.label() + ": " + verdict.text() + "; wrote "
                    + files.stream().map(Path::toString).collect(Collectors.joining(", ")));
        }
        int exit = gate.judge(policy, report, err);
        if (exit == ExitCode.OK.code() && discoveryIncomplete) {
            // A gate that passes while containers went unseen would be a silent pass.
            err.println("bulwark: scan --all is incomplete (see above): exit " + ExitCode.SCAN_FAILED.code());
            exit = ExitCode.SCAN_FAILED.code();
        }
        err.flush();
        return exit;
    }


    /** Targets probed at once: probing mostly waits on procfs, so a few more than the cores, but not many. */
    private static final int PARALLEL_TARGETS = Math.min(8, 2 * Runtime.getRuntime().availableProcessors());

    /** What to scan: the own environment unless pids, --all or configs are named; --self adds it to them. */
    private List<FactSource> targets(PrintWriter err) {
        List<FactSource> targets = new ArrayList<>();
        if (self || (pids.isEmpty() && configs.isEmpty() && !all)) {
            targets.add(LiveTarget.self(!noSyscallProbe));
        }
        // one set for every process target, so that what a probe learns once serves them all
        List<Probe> hostProbes = pids.isEmpty() && !all ? List.of() : Probes.all(true);
        for (long pid : pids) {
            if (pid <= 0) {
                throw new InputException("--pid " + pid + ": not a process id; give a positive number, e.g. --pid $(pidof nginx)");
            }
            targets.add(ProcessTarget.of(pid, hostProbes));
        }
        if (all) {
            HostContainers.Discovery found = new HostContainers(Path.of("/proc")).discover();
            if (found.unreadable() > 0) {
                discoveryIncomplete = true;
                err.println("bulwark: scan --all could not read the namespaces of " + found.unreadable()
                        + " processes, so containers among them are missing from the report; run bulwark as root to see every process");
            } else if (found.containers().isEmpty()) {
                err.println("bulwark: scan --all found no process in namespaces other than pid 1's: no container runs on this host");
            }
            found.containers().forEach(c -> targets.add(ProcessTarget.discovered(c, hostProbes)));
        }
        for (Path file : configs) {
            targets.addAll(ConfigTarget.of(file));
        }
        return targets;
    }
}
