package io.bulwark.audit;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The isolation surfaces of ARCHITECTURE.md, in the order reports present them. */
public enum Surface {
    RUNTIME("runtime", "Container runtime"),
    ROOT_USER("root-user", "Root user"),
    NAMESPACES("namespaces", "Namespaces"),
    CAPABILITIES("capabilities", "Capabilities"),
    SECCOMP("seccomp", "Seccomp"),
    PRIVILEGE_ESCALATION("privilege-escalation", "Privilege escalation"),
    PROC("proc", "/proc"),
    SYS("sys", "/sys"),
    RESOURCE_VIEWS("resource-views", "Resource views"),
    DEV("dev", "/dev"),
    KERNEL_MODULES("kernel-modules", "Kernel modules"),
    LSM("lsm", "Linux security modules"),
    TIME("time", "Time"),
    SYSLOG("syslog", "Syslog"),
    FORK_BOMB("fork-bomb", "Fork bomb (pids limit)"),
    HOST_MOUNTS("host-mounts", "Host mounts");

    private final String id;
    private final String title;

    Surface(String id, String title) {
        this.id = id;
        this.title = title;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public static Surface parse(String text) {
        for (Surface s : values()) {
            if (s.id.equals(text)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown surface '" + text + "' (expected one of "
                + Arrays.stream(values()).map(Surface::id).collect(Collectors.joining(", ")) + ")");
    }
}
