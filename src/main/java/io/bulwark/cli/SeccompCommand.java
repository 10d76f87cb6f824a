package io.bulwark.cli;

import io.bulwark.InputException;
import io.bulwark.seccomp.Arch;
import io.bulwark.seccomp.BpfProgram;
import io.bulwark.seccomp.CompileOptions;
import io.bulwark.seccomp.CompiledFilter;
import io.bulwark.seccomp.Compiler;
import io.bulwark.seccomp.Disassembler;
import io.bulwark.seccomp.FilterMeaning;
import io.bulwark.seccomp.PolicyMeaning;
import io.bulwark.seccomp.Policy;
import io.bulwark.seccomp.PolicyResolver;
import io.bulwark.seccomp.ProfileLoader;
import io.bulwark.seccomp.ProgramMeaning;
import io.bulwark.seccomp.ProgramStats;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bulwark seccomp}: compile, read and check seccomp profiles. */
@Command(name = "seccomp", mixinStandardHelpOptions = true,
        description = {"Compile Docker/OCI seccomp profiles to BPF, and read, explain, compare and lint them.", ""},
        subcommands = {
            SeccompCommand.Compile.class,
            SeccompCommand.Disasm.class,
            SeccompExplainCommand.class,
            SeccompDiffCommand.class,
            SeccompLintCommand.class,
            CommandLine.HelpCommand.class})
public final class SeccompCommand {

    @Command(name = "compile", mixinStandardHelpOptions = true,
            description = "Compile PROFILE to a seccomp BPF program (raw struct sock_filter bytes).")
    static final class Compile implements Callable<Integer> {
        @Parameters(paramLabel = "PROFILE", description = "A profile file, or 'default' / 'strict' for a shipped one.")
        String profile;

        @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Write the program to FILE (default: standard output).")
        Path out;

        @Option(names = "--stats", description = "Print the program's length, instructions executed and cache-eligible syscalls to stderr.")
        boolean stats;

        @Option(names = "--notes", description = "List what was skipped while resolving the profile.")
        boolean notes;

        @Mixin
        SeccompTargetOptions target;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            Policy policy = PolicyResolver.resolve(SeccompProfiles.load(profile), target.target());
            CompiledFilter filter = Compiler.compile(policy, target.options());
            byte[] bytes = filter.program().toBytes();
            if (out == null) {
                OutputStream stdout = System.out;
                stdout.write(bytes);
                stdout.flush();
            } else {
                SeccompProfiles.write(out, bytes);
            }
            PrintWriter err = spec.commandLine().getErr();
            if (notes) {
                policy.notes().forEach(n -> err.println("bulwark: note: " + n));
            } else if (!policy.notes().isEmpty()) {
                err.println("bulwark: " + policy.notes().size() + " notes (names unknown on an architecture, rules that change nothing); --notes lists them");
            }
            if (stats) {
                err.println(ProgramStats.of(filter.program(), policy.nativeArch()).text());
            }
            err.flush();
            return ExitCode.OK.code();
        }
    }

    @Command(name = "disasm", mixinStandardHelpOptions = true,
            description = "Print a compiled program one instruction a line, with syscall and architecture names.")
    static final class Disasm implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", description = "Raw sock_filter bytes, as 'seccomp compile' writes them.")
        Path file;

        @Option(names = "--stats", description = "Instead, print length, instructions executed and cache-eligible syscalls.")
        boolean stats;

        @Option(names = "--arch", paramLabel = "ARCH", defaultValue = "x86_64",
                description = "Architecture for --stats: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
                converter = SeccompTargetOptions.ArchConverter.class, completionCandidates = SeccompTargetOptions.ArchNames.class)
        Arch arch;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            BpfProgram program = SeccompProfiles.readProgram(file);
            PrintWriter out = spec.commandLine().getOut();
            if (stats) {
                out.println(ProgramStats.of(program, arch).text());
            } else {
                out.print(Disassembler.text(program, List.of(Arch.values())));
            }
            out.flush();
            return ExitCode.OK.code();
        }
    }

    /** Loading the inputs of the seccomp commands, with one-line errors. */
    static final class SeccompProfiles {
        private SeccompProfiles() {
        }

        static io.bulwark.seccomp.Profile load(String arg) {
            Path p = Path.of(arg);
            if (!Files.exists(p) && (arg.equals("default") || arg.equals("strict"))) {
                return ProfileLoader.bundled(arg);
            }
            return ProfileLoader.load(p);
        }

        /**
         * A profile (resolved for the target, with its compile options) or a compiled program,
         * as a meaning that explain, diff and lint can read.
         */
        static FilterMeaning meaning(String arg, SeccompTargetOptions target) {
            Path p = Path.of(arg);
            if (Files.isRegularFile(p) && isProgram(p)) {
                return new ProgramMeaning(arg, readProgram(p));
            }
            return new PolicyMeaning(PolicyResolver.resolve(load(arg), target.target()), target.options());
        }

        static BpfProgram readProgram(Path file) {
            try {
                return BpfProgram.fromBytes(file.toString(), Files.readAllBytes(file));
            } catch (NoSuchFileException e) {
                throw new InputException(file + ": no such file; give a program written by 'bulwark seccomp compile -o FILE'");
            } catch (IOException e) {
                throw new InputException(file + ": cannot read: " + e.getMessage(), e);
            }
        }

        /** Whether a file holds a compiled program rather than a JSON profile. */
        static boolean isProgram(Path file) {
            try (var in = Files.newInputStream(file)) {
                int first = in.read();
                while (first == ' ' || first == '\n' || first == '\r' || first == '\t') {
                    first = in.read();
                }
                return first != '{' && first != -1;
            } catch (IOException e) {
                return false;
            }
        }

        static void write(Path out, byte[] bytes) throws IOException {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                throw new InputException("--out " + out + ": directory " + parent + " does not exist; create it first");
            }
            Files.write(out, bytes);
        }
    }
}
