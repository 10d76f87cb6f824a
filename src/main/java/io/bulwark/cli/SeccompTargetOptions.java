package io.bulwark.cli;

import io.bulwark.InputException;
import io.bulwark.seccomp.Action;
import io.bulwark.seccomp.Arch;
import io.bulwark.seccomp.CompileOptions;
import io.bulwark.os.KernelVersion;
import io.bulwark.seccomp.Target;
import io.bulwark.os.Capability;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The options that say what a profile is resolved and compiled for (--arch, --cap, --kernel, --enosys). */
public final class SeccompTargetOptions {

    @Option(names = "--arch", paramLabel = "ARCH", converter = ArchConverter.class, completionCandidates = ArchNames.class,
            description = "Native architecture of the target: ${COMPLETION-CANDIDATES} (default: this host's).")
    Arch arch;

    @Option(names = "--cap", paramLabel = "CAP", split = ",",
            description = "Capabilities the container keeps, for the profile's includes/excludes (default: Docker's default set; "
                    + "'all' for every capability, 'none' for none).")
    List<String> caps = new ArrayList<>();

    @Option(names = "--kernel", paramLabel = "VERSION",
            description = "Kernel version for minKernel conditions (default: the running kernel).")
    String kernel;

    @Option(names = "--enosys", description = "Return ENOSYS for syscall numbers above the highest the profile names (as runc does).")
    boolean enosys;

    Target target() {
        Set<String> capabilities = capabilities();
        KernelVersion k = kernel == null ? KernelVersion.running() : KernelVersion.parse(kernel)
                .orElseThrow(() -> new InputException("--kernel " + kernel + ": not a kernel version; write MAJOR.MINOR, e.g. 6.1"));
        return new Target(arch == null ? Arch.host() : arch, capabilities, k);
    }

    CompileOptions options() {
        return new CompileOptions(enosys, Action.KILL_PROCESS);
    }

    private Set<String> capabilities() {
        if (caps.isEmpty()) {
            return Target.dockerDefaultCapabilities();
        }
        Set<String> set = new TreeSet<>();
        for (String c : caps) {
            if (c.equalsIgnoreCase("all")) {
                for (Capability cap : Capability.values()) {
                    set.add("CAP_" + cap.name());
                }
            } else if (!c.equalsIgnoreCase("none")) {
                Capability cap = Capability.parse(c).orElseThrow(() -> new InputException("--cap " + c
                        + ": not a capability; use names such as CAP_SYS_ADMIN (or 'all', 'none')"));
                set.add("CAP_" + cap.name());
            }
        }
        return set;
    }

    static final class ArchConverter implements CommandLine.ITypeConverter<Arch> {
        @Override
        public Arch convert(String value) {
            return Arch.parse(value).orElseThrow(() -> new CommandLine.TypeConversionException(
                    "'" + value + "' is not an architecture bulwark knows; use one of " + Arch.ids()));
        }
    }

    static final class ArchNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            List<String> ids = new ArrayList<>();
            for (Arch a : Arch.values()) {
                ids.add(a.id());
            }
            return ids.iterator();
        }
    }
}
