package io.bulwark.probe;

import io.bulwark.audit.FactSource;
import io.bulwark.audit.Facts;
import io.bulwark.audit.Target;
import java.util.List;

/** The environment bulwark runs in, probed live. */
public final class LiveTarget implements FactSource {
    private final Target target;
    private final ProbeContext context;
    private final List<Probe> probes;

    public LiveTarget(Target target, ProbeContext context, List<Probe> probes) {
        this.target = target;
        this.context = context;
        this.probes = List.copyOf(probes);
    }

    public static LiveTarget self() {
        return self(true);
    }

    /** This environment; with {@code trySyscalls} false no dangerous syscall is tried. */
    public static LiveTarget self(boolean trySyscalls) {
        String host = ProbeContext.tryRead(java.nio.file.Path.of("/proc/sys/kernel/hostname")).map(String::trim).orElse("?");
        return new LiveTarget(Target.self(ProcessHandle.current().pid(), host), ProbeContext.self(), Probes.all(trySyscalls));
    }

    @Override
    public Target target() {
        return target;
    }

    @Override
    public Facts collect() {
        return new ProbeRunner(probes).collect(context);
    }
}
