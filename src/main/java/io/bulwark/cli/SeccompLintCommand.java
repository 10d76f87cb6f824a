package io.bulwark.cli;

import io.bulwark.audit.Severity;
import io.bulwark.seccomp.FilterMeaning;
import io.bulwark.seccomp.LintFamilies;
import io.bulwark.seccomp.LintReport;
import io.bulwark.seccomp.Linter;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bulwark seccomp lint}: the dangerous syscalls a filter allows, by family. */
@Command(name = "lint", mixinStandardHelpOptions = true,
        description = {"Report the dangerous syscalls a profile (resolved for --arch/--cap/--kernel) or compiled",
            "program allows, by family: module, kexec, io, mount, namespaces, keyring, bpf, perf, ptrace,",
            "handle, clock, reboot, swap, acct, syslog, userfaultfd, io_uring, personality, quotactl,",
            "lookup_dcookie, nfsservctl, vm86. Where the kernel still requires a capability the target",
            "does not keep (--cap), the finding is reported at info.", ""},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  no finding at or above --fail-on", "  1  findings at or above --fail-on", "  2  bad usage or input"})
final class SeccompLintCommand implements Callable<Integer> {
    @Parameters(paramLabel = "PROFILE|FILE", description = "A profile file, 'default' / 'strict', or a compiled program.")
    String input;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", converter = GateOptions.SeverityConverter.class,
            description = "Exit 1 when a finding of this severity or worse is reported: critical, high, medium, low, info.")
    Severity failOn;

    @Mixin
    ResultFormat format;

    @Mixin
    SeccompTargetOptions target;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        FilterMeaning meaning = SeccompCommand.SeccompProfiles.meaning(input, target);
        LintReport report = Linter.lint(meaning, LintFamilies.bundled(), target.target().capabilities());
        PrintWriter out = spec.commandLine().getOut();
        format.print(out, () -> JsonOutput.tree(report), report::text);
        if (failOn != null && report.breaches(failOn)) {
            spec.commandLine().getErr().println("bulwark: lint failed: findings at " + failOn.id() + " or worse");
            return ExitCode.GATE_FAILED.code();
        }
        return ExitCode.OK.code();
    }
}
