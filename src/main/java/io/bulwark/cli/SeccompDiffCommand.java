package io.bulwark.cli;

import io.bulwark.seccomp.FilterDiff;
import io.bulwark.seccomp.FilterMeaning;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code bulwark seccomp diff}: what two filters decide differently. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Compare two filters by what they decide, per syscall and architecture: profiles (resolved",
            "for --arch/--cap/--kernel) or compiled programs, in any mix. Every syscall number of every",
            "architecture either handles is tried on samples of the argument values both compare against.", ""},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  the two decide the same", "  1  they differ", "  2  bad usage or input"})
final class SeccompDiffCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "A", description = "A profile file, 'default' / 'strict', or a compiled program.")
    String a;

    @Parameters(index = "1", paramLabel = "B", description = "The same, to compare with A.")
    String b;

    @Mixin
    ResultFormat format;

    @Mixin
    SeccompTargetOptions target;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        FilterMeaning first = SeccompCommand.SeccompProfiles.meaning(a, target);
        FilterMeaning second = SeccompCommand.SeccompProfiles.meaning(b, target);
        FilterDiff diff = FilterDiff.of(first, second);
        PrintWriter out = spec.commandLine().getOut();
        format.print(out, () -> JsonOutput.tree(diff).put("same", diff.same()), diff::text);
        return diff.same() ? ExitCode.OK.code() : ExitCode.DIFFERENT.code();
    }
}
