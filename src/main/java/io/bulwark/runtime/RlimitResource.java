package io.bulwark.runtime;

import java.util.Locale;
import java.util.Optional;

/** The RLIMIT_* resources by their generic Linux numbers (asm-generic/resource.h). */
public enum RlimitResource {
    CPU, FSIZE, DATA, STACK, CORE, RSS, NPROC, NOFILE, MEMLOCK, AS, LOCKS, SIGPENDING, MSGQUEUE,
    NICE, RTPRIO, RTTIME;

    public int number() {
        return ordinal();
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<RlimitResource> parse(String name) {
        String n = name.toUpperCase(Locale.ROOT).replaceFirst("^RLIMIT_", "");
        for (RlimitResource r : values()) {
            if (r.name().equals(n)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
