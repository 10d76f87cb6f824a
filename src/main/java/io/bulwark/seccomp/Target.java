package io.bulwark.seccomp;

import io.bulwark.os.KernelVersion;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a profile is resolved for, as Docker resolves it: the native architecture, the
 * capabilities the container keeps (for includes/excludes.caps, names as CAP_SYS_ADMIN) and
 * the kernel version (for minKernel).
 */
public record Target(Arch nativeArch, Set<String> capabilities, KernelVersion kernel) {
    public Target {
        capabilities = Set.copyOf(capabilities);
    }

    /** Docker's default capability set (data file docker-default-capabilities.txt). */
    public static Set<String> dockerDefaultCapabilities() {
        return new TreeSet<>(BundledData.lines("docker-default-capabilities.txt"));
    }

    /** This host's architecture and kernel, with Docker's default capabilities. */
    public static Target host() {
        return new Target(Arch.host(), dockerDefaultCapabilities(), KernelVersion.running());
    }
}
