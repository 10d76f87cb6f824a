package io.bulwark.probe;

import io.bulwark.audit.FactCatalog;
import io.bulwark.audit.FactSpec;
import java.util.List;

/** Every probe of {@code scan --self}, and the catalog of the facts they declare. */
public final class Probes {
    private Probes() {
    }

    public static List<Probe> all() {
        return all(true);
    }

    /** Every probe; with {@code trySyscalls} false the syscall probe makes no calls. */
    public static List<Probe> all(boolean trySyscalls) {
        return List.of(
                new RuntimeProbe(),
                new UserProbe(),
                new CapabilityProbe(),
                new NamespaceProbe(),
                new SeccompProbe(),
                trySyscalls ? new SyscallProbe() : SyscallProbe.disabled(),
                new ProcProbe(),
                new SysProbe(),
                new ResourceViewProbe(),
                new DevProbe(),
                new KernelModuleProbe(),
                new LsmProbe(),
                new TimeProbe(),
                new SyslogProbe(),
                new PidsProbe(),
                new HostMountProbe());
    }

    public static FactCatalog catalog() {
        return new FactCatalog(all().stream().flatMap(p -> p.facts().stream()).toList());
    }

    /** Declarations sorted by name, for listing. */
    public static List<FactSpec> declarations() {
        return catalog().all().stream().sorted(java.util.Comparator.comparing(FactSpec::name)).toList();
    }
}
