package io.bulwark.cli;

import io.bulwark.InputException;
import io.bulwark.seccomp.Arch;
import io.bulwark.seccomp.ArchExplanation;
import io.bulwark.seccomp.Explainer;
import io.bulwark.seccomp.FilterMeaning;
import io.bulwark.seccomp.SyscallNames;
import io.bulwark.seccomp.SyscallTable;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code bulwark seccomp explain}: the action for each syscall, with its argument conditions. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Print what a profile or compiled program does with each syscall: the action, and for",
            "syscalls it decides by their arguments, the conditions (the first that holds wins).",
            "Without SYSCALL names, every syscall of each architecture, grouped by action.",
            "A profile is resolved for --arch/--cap/--kernel and every architecture of its filter is shown;",
            "for a compiled program, --arch picks the architecture (default: every one it handles), and",
            "conditions are inferred from the actions it returns on argument samples.", ""})
final class SeccompExplainCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PROFILE|FILE",
            description = "A profile file, 'default' / 'strict', or a program written by 'seccomp compile'.")
    String input;

    @Parameters(index = "1..*", paramLabel = "SYSCALL", description = "Syscalls to explain (default: all).")
    List<String> syscalls = new ArrayList<>();

    @Mixin
    SeccompTargetOptions target;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        syscalls.forEach(SyscallNames::require);
        FilterMeaning meaning = SeccompCommand.SeccompProfiles.meaning(input, target);
        PrintWriter out = spec.commandLine().getOut();
        if (meaning.inferred()) {
            out.println("# " + input + " is a compiled program: argument conditions are inferred from argument samples");
        }
        for (Arch arch : arches(meaning)) {
            if (syscalls.isEmpty()) {
                out.print(ArchExplanation.of(meaning, arch).text());
                continue;
            }
            out.println(arch.id() + ":");
            for (String name : syscalls) {
                OptionalInt nr = SyscallTable.of(arch).number(name);
                out.println("  " + (nr.isEmpty() ? name + ": not a syscall on " + arch.id()
                        : Explainer.explain(meaning, arch, nr.getAsInt()).text()));
            }
        }
        out.flush();
        return ExitCode.OK.code();
    }

    private List<Arch> arches(FilterMeaning meaning) {
        if (!meaning.inferred() || target.arch == null) {
            return meaning.arches();
        }
        if (!meaning.arches().contains(target.arch)) {
            throw new InputException("--arch " + target.arch.id() + ": " + input + " does not handle " + target.arch.id()
                    + "; it handles " + String.join(", ", meaning.arches().stream().map(Arch::id).toList()));
        }
        return List.of(target.arch);
    }
}
