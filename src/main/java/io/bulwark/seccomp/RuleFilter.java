package io.bulwark.seccomp;

import io.bulwark.os.KernelVersion;
import java.util.List;

/**
 * A rule's {@code includes} or {@code excludes}: capabilities, Docker arch names, minimum
 * kernel. Empty lists and a null kernel mean "no condition".
 */
public record RuleFilter(List<String> caps, List<String> arches, KernelVersion minKernel) {
    public static final RuleFilter NONE = new RuleFilter(List.of(), List.of(), null);

    public RuleFilter {
        caps = List.copyOf(caps);
        arches = List.copyOf(arches);
    }

    public boolean isEmpty() {
        return caps.isEmpty() && arches.isEmpty() && minKernel == null;
    }
}
