package io.bulwark.probe;

import io.bulwark.audit.Target;
import java.util.List;

/**
 * A container found on the host by {@link HostContainers}: the representative process (its
 * init), the runtime and id named by its cgroup path, and which namespaces it does not share.
 *
 * @param id      the container id from the cgroup path, or null when no sign names one
 * @param members how many processes share its namespace set
 */
public record FoundContainer(long pid, String runtime, String id, List<String> ownNamespaces, int members) {
    public FoundContainer {
        ownNamespaces = List.copyOf(ownNamespaces);
    }

    /** The report's name for it: kind container, the id (or pid-N when none is known). */
    public Target target() {
        String shown = id != null ? id : "pid-" + pid;
        return new Target("container", shown, runtime + " container " + (id != null ? id.substring(0, Math.min(12, id.length())) + " " : "")
                + "(init pid " + pid + ", " + members + " process" + (members == 1 ? "" : "es") + "; own namespaces: "
                + String.join(", ", ownNamespaces) + ") seen from the host");
    }
}
