package io.bulwark.runtime;

import io.bulwark.os.Capability;
import java.util.List;
import java.util.Set;

/**
 * What the user asked of one run, checked for form but not yet against the host.
 *
 * @param rootfs       a container root filesystem to pivot into, or null for the host's / read-only
 * @param capabilities the capabilities the workload keeps (none by default)
 * @param seccomp      "default", "strict", "unconfined" or a profile file
 * @param pidsMax      the pids cgroup's limit, 0 for no pids cgroup
 * @param memoryBytes  the memory cgroup's limit, 0 for none
 * @param hostname     null for the default
 * @param cwd          null for the default
 * @param maps         explicit id maps ({@code --map}); empty for the default mapping
 * @param uid          the workload's uid in the container ({@code --user})
 * @param gid          the workload's gid in the container
 */
public record RunSpec(
        List<String> command,
        Set<Namespace> shared,
        String rootfs,
        List<BindSpec> binds,
        List<String> tmpfs,
        Set<Capability> capabilities,
        String seccomp,
        long pidsMax,
        long memoryBytes,
        String hostname,
        List<String> env,
        List<String> envKeep,
        String cwd,
        List<ResourceLimit> rlimits,
        List<IdRange> maps,
        long uid,
        long gid) {

    /** A run as container root with the default id mapping. */
    public RunSpec(List<String> command, Set<Namespace> shared, String rootfs, List<BindSpec> binds, List<String> tmpfs,
                   Set<Capability> capabilities, String seccomp, long pidsMax, long memoryBytes, String hostname,
                   List<String> env, List<String> envKeep, String cwd, List<ResourceLimit> rlimits) {
        this(command, shared, rootfs, binds, tmpfs, capabilities, seccomp, pidsMax, memoryBytes, hostname, env, envKeep,
                cwd, rlimits, List.of(), 0, 0);
    }

    public RunSpec {
        maps = List.copyOf(maps);
        command = List.copyOf(command);
        shared = Set.copyOf(shared);
        binds = List.copyOf(binds);
        tmpfs = List.copyOf(tmpfs);
        capabilities = Set.copyOf(capabilities);
        env = List.copyOf(env);
        envKeep = List.copyOf(envKeep);
        rlimits = List.copyOf(rlimits);
    }
}
