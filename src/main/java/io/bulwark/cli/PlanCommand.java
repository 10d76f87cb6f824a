package io.bulwark.cli;

import io.bulwark.InputException;
import io.bulwark.runtime.ExecutorBinary;
import io.bulwark.runtime.HostView;
import io.bulwark.runtime.Plan;
import io.bulwark.runtime.PlanEncoder;
import io.bulwark.runtime.Planner;
import io.bulwark.runtime.RunFailure;
import io.bulwark.runtime.RuntimeDefaults;
import io.bulwark.runtime.SeccompPrograms;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bulwark plan}: compile a run's plan to a file that the executor runs without a JVM. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        header = "Compile a run plan to a file, to start it later without a JVM.",
        description = {
            "Compile the plan of 'bulwark run' with the same options into FILE (mode 0600), and print the",
            "command that runs it: the executor alone, without a JVM. 'bulwark run --dry-run' shows it as text.", ""})
public final class PlanCommand implements Callable<Integer>, Main.FailureCode {

    @Mixin
    RunOptions options;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE", description = "Where to write the plan.")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Path parent = out.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new InputException("--out " + out + ": directory " + parent + " does not exist; create it first");
        }
        try {
            HostView host = HostView.current();
            Plan plan = new Planner(RuntimeDefaults.load(), host, new SeccompPrograms()).plan(options.spec());
            Path tmp = Files.createTempFile(parent, ".plan-", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(tmp, PlanEncoder.encode(plan));
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Path exe = ExecutorBinary.extract(ExecutorBinary.cacheDir(host.euid(), System.getenv()), host.euid());
            spec.commandLine().getOut().println(exe + " --plan " + out.toAbsolutePath());
            spec.commandLine().getOut().flush();
            return ExitCode.OK.code();
        } catch (RunFailure f) {
            spec.commandLine().getErr().println("bulwark: " + f.getMessage());
            return f.exitCode();
        }
    }

    @Override
    public ExitCode failureCode() {
        return ExitCode.RUN_FAILED;
    }
}
