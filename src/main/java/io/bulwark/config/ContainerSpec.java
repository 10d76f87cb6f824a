package io.bulwark.config;

import io.bulwark.seccomp.Profile;
import java.util.List;
import java.util.Map;

/**
 * What a config says about one container, whatever the format it came in: null wherever
 * the config does not say (a derived fact is then unobserved, "not stated in the config").
 *
 * @param format          docker-inspect, podman-inspect, oci or kubernetes
 * @param name            the container's name or id, as the config gives it
 * @param privileged      privileged mode (every capability, no seccomp, unmasked /proc, host devices)
 * @param effectiveCaps   effective capabilities, names without CAP_
 * @param boundingCaps    bounding set
 * @param ambientCaps     ambient set
 * @param inheritableCaps inheritable set
 * @param seccomp         the profile in force; null with {@code unconfined} true for none
 * @param seccompSource   where that profile comes from, for evidence
 * @param unconfined      true when no seccomp filter applies
 * @param noNewPrivs      no_new_privs
 * @param sharedNs        per namespace type, true when the host's is shared
 * @param rootIsHostRoot  uid 0 inside is uid 0 of the host (no user namespace, or one mapping 0 to 0)
 * @param uidMap          the uid map as "inside outside count; …", when one is given
 * @param uid             the uid the process runs as
 * @param pidsLimit       pids limit, -1 unlimited
 * @param mounts          bind mounts from the host
 * @param devices         device paths in the container
 * @param maskedPaths     paths masked; null when the runtime's defaults apply
 * @param readonlyPaths   paths made read-only; null when the runtime's defaults apply
 * @param sysWritable     /sys mounted read-write
 * @param apparmor        the AppArmor profile, "" when none is named
 * @param selinux         the SELinux label, "" when none is named
 * @param notes           how each value was read, by fact name prefix (for evidence)
 * @param lines           the line of the field each value came from, by fact name prefix
 */
public record ContainerSpec(
        String format, String name, Boolean privileged,
        List<String> effectiveCaps, List<String> boundingCaps, List<String> ambientCaps, List<String> inheritableCaps,
        Profile seccomp, String seccompSource, Boolean unconfined, Boolean noNewPrivs,
        Map<String, Boolean> sharedNs, Boolean rootIsHostRoot, String uidMap, Long uid, Long pidsLimit,
        List<Mount> mounts, List<String> devices, List<String> maskedPaths, List<String> readonlyPaths,
        Boolean sysWritable, String apparmor, String selinux,
        Map<String, String> notes, Map<String, Integer> lines) {

    /** A spec being read from a config: readers fill what the config states and leave the rest null. */
    static final class Draft {
        String format;
        String name;
        Boolean privileged;
        List<String> effectiveCaps;
        List<String> boundingCaps;
        List<String> ambientCaps;
        List<String> inheritableCaps;
        Profile seccomp;
        String seccompSource;
        Boolean unconfined;
        Boolean noNewPrivs;
        final Map<String, Boolean> sharedNs = new java.util.LinkedHashMap<>();
        Boolean rootIsHostRoot;
        String uidMap;
        Long uid;
        Long pidsLimit;
        final List<Mount> mounts = new java.util.ArrayList<>();
        List<String> devices;
        List<String> maskedPaths;
        List<String> readonlyPaths;
        Boolean sysWritable;
        String apparmor;
        String selinux;
        final Map<String, String> notes = new java.util.LinkedHashMap<>();
        final Map<String, Integer> lines = new java.util.LinkedHashMap<>();

        ContainerSpec done() {
            return new ContainerSpec(format, name, privileged, effectiveCaps, boundingCaps, ambientCaps, inheritableCaps,
                    seccomp, seccompSource, unconfined, noNewPrivs, Map.copyOf(sharedNs), rootIsHostRoot, uidMap, uid, pidsLimit,
                    List.copyOf(mounts), devices, maskedPaths, readonlyPaths, sysWritable, apparmor, selinux,
                    Map.copyOf(notes), Map.copyOf(lines));
        }
    }

    /** A bind mount of a host path. */
    public record Mount(String source, String destination, boolean writable) {
    }
}
