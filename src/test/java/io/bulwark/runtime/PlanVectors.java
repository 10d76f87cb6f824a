package io.bulwark.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The byte vectors both sides of the plan format are tested on (src/test/resources/plans). */
final class PlanVectors {
    private PlanVectors() {
    }

    static final Path DIR = Path.of("src/test/resources/plans");

    /** A plan that uses every record type once or more. */
    static Plan everyRecord() {
        Map<String, String> pids = new LinkedHashMap<>();
        pids.put("pids.max", "64");
        pids.put("notify_on_release", "0");
        byte[] allowAll = {
            0x20, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00,          // ld [4] (arch)
            0x06, 0x00, 0x00, 0x00, 0x00, 0x00, (byte) 0xff, 0x7f}; // ret ALLOW
        return new Plan(
                Namespace.USER.cloneFlag() | Namespace.MNT.cloneFlag() | Namespace.PID.cloneFlag(),
                "0 1000000000 65536\n",
                "0 1000000000 65536\n",
                "deny",
                List.of(new CgroupPlan("/sys/fs/cgroup/pids", pids)),
                List.of(
                        MountStep.bind("/", "/", MountFlags.ATTR_RDONLY | MountFlags.ATTR_NOSUID),
                        MountStep.fs("proc", "/proc", MountFlags.MS_NOSUID | MountFlags.MS_NODEV, ""),
                        MountStep.fs("tmpfs", "/tmp", MountFlags.MS_NOSUID, "mode=1777"),
                        MountStep.symlink("/proc/self/fd", "/dev/fd"),
                        MountStep.pivot(),
                        MountStep.mask("/proc/kcore"),
                        MountStep.readOnly("/proc/sys")),
                "box",
                List.of(new ResourceLimit(RlimitResource.NOFILE, 1024, 4096),
                        new ResourceLimit(RlimitResource.CORE, 0, ResourceLimit.UNLIMITED)),
                0, 0, List.of(0, 10),
                0x5L, 0x1L,
                allowAll, 6, // SECCOMP_FILTER_FLAG_LOG | SECCOMP_FILTER_FLAG_SPEC_ALLOW
                List.of("PATH=/usr/bin:/bin", "LANG=fr_FR.UTF-8", "GREETING=caf\u00e9"),
                List.of("/bin/sh", "-c", "echo hi"),
                "/");
    }

    static byte[] read(String name) {
        try {
            return Files.readAllBytes(DIR.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
