package io.bulwark.runtime;

import io.bulwark.os.Capability;
import io.bulwark.seccomp.Arch;
import io.bulwark.seccomp.CompileOptions;
import io.bulwark.seccomp.CompiledFilter;
import io.bulwark.seccomp.Compiler;
import io.bulwark.seccomp.FilterFlags;
import io.bulwark.os.KernelVersion;
import io.bulwark.seccomp.PolicyResolver;
import io.bulwark.seccomp.Profile;
import io.bulwark.seccomp.ProfileLoader;
import io.bulwark.seccomp.Target;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code --seccomp}: a bundled profile by name, a profile file, or {@code unconfined}, resolved
 * for this host and the run's capabilities (as Docker resolves includes/excludes) and compiled
 * to the BPF bytes the plan carries.
 */
public final class SeccompPrograms {
    public static final String UNCONFINED = "unconfined";

    /** Whether {@code profile} names a profile file rather than a bundled one or {@code unconfined}. */
    public static boolean isFile(String profile) {
        return !profile.equals(UNCONFINED) && !profile.equals("default") && !profile.equals("strict");
    }

    /** The program for {@code profile} and its seccomp(2) flags; an empty program for {@code unconfined}. */
    public Program compile(String profile, Set<Capability> capabilities) {
        if (profile.equals(UNCONFINED)) {
            return new Program(new byte[0], 0);
        }
        Profile p = isFile(profile) ? ProfileLoader.load(Path.of(profile)) : ProfileLoader.bundled(profile);
        Set<String> caps = new TreeSet<>();
        capabilities.forEach(c -> caps.add("CAP_" + c.name()));
        Target target = new Target(Arch.host(), caps, KernelVersion.running());
        // ENOSYS above the profile's highest syscall, as runc does: a newer libc falls back.
        CompiledFilter filter = Compiler.compile(PolicyResolver.resolve(p, target), CompileOptions.DEFAULT.withEnosys(true));
        int unsupported = filter.flags() & ~SUPPORTED_FLAGS;
        if (unsupported != 0) {
            throw new RunFailure("--seccomp " + profile + ": the profile asks for " + String.join(" ", FilterFlags.names(unsupported))
                    + ", which bulwark run does not support (no notification supervisor); remove it from \"flags\"");
        }
        return new Program(filter.program().toBytes(), filter.flags());
    }

    /** TSYNC, LOG and SPEC_ALLOW: the flags that need nothing but the kernel. */
    private static final int SUPPORTED_FLAGS = 1 | 2 | 4;

    /** The BPF bytes the plan carries (struct sock_filter, 8 bytes each) and the flags to install them with. */
    public record Program(byte[] bytes, int flags) {
    }
}
