package io.bulwark.seccomp;

import java.util.List;

/** One {@code archMap} entry: a native architecture and the ones its filter also covers. */
public record ArchMapEntry(String architecture, List<String> subArchitectures) {
    public ArchMapEntry {
        subArchitectures = List.copyOf(subArchitectures);
    }
}
