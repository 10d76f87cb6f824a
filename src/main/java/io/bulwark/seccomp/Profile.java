package io.bulwark.seccomp;

import java.util.List;

/**
 * A Docker/OCI seccomp profile as loaded: every field of Docker's format. Architectures are
 * kept as the profile names them (SCMP_ARCH_*); which apply is decided when the profile is
 * resolved for a target ({@link PolicyResolver}).
 */
public record Profile(String source, Action defaultAction, List<String> architectures, List<ArchMapEntry> archMap,
                      List<String> flags, String listenerPath, String listenerMetadata, List<SyscallRule> syscalls) {
    public Profile {
        architectures = List.copyOf(architectures);
        archMap = List.copyOf(archMap);
        flags = List.copyOf(flags);
        syscalls = List.copyOf(syscalls);
    }
}
