package io.bulwark.runtime;

import io.bulwark.os.KernelFile;
import io.bulwark.os.ProcStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/** What the planner reads of the host: the caller's ids, subordinate ids, cgroups, environment. */
public record HostView(int euid, int egid, String subuid, String subgid, CgroupLayout cgroups,
                       Map<String, String> environment, boolean timeNamespaces) {

    public HostView(int euid, int egid, String subuid, String subgid, CgroupLayout cgroups, Map<String, String> environment) {
        this(euid, egid, subuid, subgid, cgroups, environment, true);
    }

    public static HostView current() {
        return current(PlanInputs.NONE);
    }

    /** The host as the planner sees it, recording into {@code inputs} what it read. */
    public static HostView current(PlanInputs inputs) {
        ProcStatus status = ProcStatus.parse(readOrEmpty(Path.of("/proc/self/status")));
        int euid = status.number("Uid", 1).orElseThrow(() -> new RunFailure("cannot read the effective uid from /proc/self/status")).intValue();
        int egid = status.number("Gid", 1).orElseThrow(() -> new RunFailure("cannot read the effective gid from /proc/self/status")).intValue();
        inputs.ids(euid, egid);
        inputs.kernel(System.getProperty("os.version"));
        inputs.content(Path.of("/etc/subuid"));
        inputs.content(Path.of("/etc/subgid"));
        CgroupLayout cgroups = CgroupLayout.host();
        inputs.cgroups(cgroups.procSelfCgroup());
        return new HostView(euid, egid, readOrEmpty(Path.of("/etc/subuid")), readOrEmpty(Path.of("/etc/subgid")),
                cgroups, System.getenv(), Files.exists(Path.of("/proc/self/ns/time"))); // the kernel is a recorded input
    }

    private static String readOrEmpty(Path file) {
        try {
            return KernelFile.read(file);
        } catch (NoSuchFileException e) {
            return "";
        } catch (IOException e) {
            throw new RunFailure("cannot read " + file + ": " + e.getMessage());
        }
    }
}
