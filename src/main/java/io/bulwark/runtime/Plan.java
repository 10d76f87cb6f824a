package io.bulwark.runtime;

import java.util.List;

/**
 * Everything the executor does for one run, decided in advance by the {@link Planner}. The
 * executor adds only what differs per run: its cgroup's name and the pids.
 *
 * @param namespaces clone(2) flags of the namespaces to create ({@link Namespace})
 * @param uidMap     text for {@code /proc/PID/uid_map}, or null without a user namespace
 * @param gidMap     text for {@code gid_map}, or null
 * @param setgroups  "allow" or "deny" for {@code /proc/PID/setgroups}, or null to leave it
 * @param hostname   the new UTS namespace's hostname, or null
 * @param capBounding    the bounding set; a workload running as uid 0 gets exactly these
 * @param capEffective   the effective and permitted sets (inheritable and ambient are always empty)
 * @param seccomp    a classic BPF program (struct sock_filter, 8 bytes each), empty for none
 * @param seccompFlags the flags of seccomp(SECCOMP_SET_MODE_FILTER) the profile asks for
 */
public record Plan(
        int namespaces,
        String uidMap,
        String gidMap,
        String setgroups,
        List<CgroupPlan> cgroups,
        List<MountStep> mounts,
        String hostname,
        List<ResourceLimit> rlimits,
        int uid,
        int gid,
        List<Integer> groups,
        long capBounding,
        long capEffective,
        byte[] seccomp,
        int seccompFlags,
        List<String> env,
        List<String> argv,
        String cwd) {

    public Plan {
        cgroups = List.copyOf(cgroups);
        mounts = List.copyOf(mounts);
        rlimits = List.copyOf(rlimits);
        groups = List.copyOf(groups);
        seccomp = seccomp.clone();
        env = List.copyOf(env);
        argv = List.copyOf(argv);
    }

    @Override
    public byte[] seccomp() {
        return seccomp.clone();
    }

    public boolean creates(Namespace ns) {
        return (namespaces & ns.cloneFlag()) != 0;
    }
}
