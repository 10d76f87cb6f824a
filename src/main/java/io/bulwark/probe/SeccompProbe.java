package io.bulwark.probe;

import io.bulwark.audit.Confidence;
import io.bulwark.audit.Fact;
import io.bulwark.audit.FactSpec;
import io.bulwark.os.ProcStatus;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Seccomp and privilege escalation, from {@code status}: the seccomp mode and filter count,
 * no_new_privs, and the setuid/setgid-root programs no_new_privs would neutralise.
 */
public final class SeccompProbe implements Probe {
    private final SetuidScan setuid = new SetuidScan();

    @Override
    public List<FactSpec> facts() {
        return List.of(
                FactSpec.number("seccomp.mode", "seccomp mode of the target (status Seccomp): 0 disabled, 1 strict, 2 filter"),
                FactSpec.number("seccomp.filters", "number of seccomp filters attached (status Seccomp_filters)"),
                FactSpec.bool("privesc.no_new_privs", "no_new_privs is set (status NoNewPrivs): execve cannot gain privileges"),
                FactSpec.list("privesc.setuid_binaries",
                        "setuid-root and setgid-root regular files in /bin /sbin /usr/bin /usr/sbin /usr/local/bin /usr/local/sbin"));
    }

    @Override
    public List<Fact> collect(ProbeContext ctx) throws IOException {
        ProcStatus status = ctx.status().require();
        return List.of(
                seccompMode(status),
                status.number("Seccomp_filters")
                        .map(n -> Fact.of("seccomp.filters", n, "status Seccomp_filters: " + n))
                        .orElse(Fact.unobserved("seccomp.filters", "status has no Seccomp_filters line (it appeared in Linux 5.9)")),
                status.number("NoNewPrivs")
                        .map(n -> Fact.of("privesc.no_new_privs", n != 0, "status NoNewPrivs: " + n))
                        .orElse(Fact.unobserved("privesc.no_new_privs", "status has no readable NoNewPrivs line (it appeared in Linux 4.10)")),
                setuid.scan(ctx));
    }

    /**
     * The mode as the kernel states it. A status without a Seccomp line but with the lines
     * every kernel writes comes from a kernel built without seccomp: nothing can filter.
     */
    static Fact seccompMode(ProcStatus status) {
        Optional<String> line = status.field("Seccomp");
        if (line.isPresent()) {
            return status.number("Seccomp")
                    .filter(m -> m >= 0 && m <= 2)
                    .map(m -> Fact.of("seccomp.mode", m, "status Seccomp: " + m + " (" + modeName(m) + ")"))
                    .orElse(Fact.unobserved("seccomp.mode", "status Seccomp line is malformed: '" + line.get() + "'"));
        }
        if (status.field("Pid").isPresent() && status.field("Uid").isPresent()) {
            return Fact.inferred("seccomp.mode", 0L, Confidence.LIKELY,
                    "status has no Seccomp line: the kernel was built without seccomp, so no filter can be in force");
        }
        return Fact.unobserved("seccomp.mode", "status has neither a Seccomp line nor the Pid and Uid lines every kernel writes");
    }

    static String modeName(long mode) {
        return switch ((int) mode) {
            case 0 -> "disabled";
            case 1 -> "strict";
            default -> "filter";
        };
    }
}
