package io.bulwark.probe;

import io.bulwark.audit.Fact;
import io.bulwark.os.Capability;
import io.bulwark.os.ProcStatus;
import io.bulwark.seccomp.Arch;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * The {@code syscall.NAME} facts of another process, from its own seccomp filters: none when
 * its status says seccomp is off, else the stack dumped with ptrace ({@link FilterDump}) and
 * run through the emulator ({@link FilterVerdicts}). Dumping needs CAP_SYS_ADMIN; without it,
 * or when the kernel refuses, the facts stay unobserved and say that only the status fields
 * (seccomp.mode, seccomp.filters) describe the filter.
 */
final class ProcessFilters {
    private static final int CAP_SYS_ADMIN = 21;

    interface Dumper {
        FilterDump.Outcome dump(long pid);
    }

    static final Dumper PTRACE = pid -> FilterDump.of(pid, Duration.ofSeconds(2));

    private final Path hostProc;
    private final Dumper dumper;

    ProcessFilters(Path hostProc, Dumper dumper) {
        this.hostProc = hostProc;
        this.dumper = dumper;
    }

    /** The sweep fact and one fact per probe call; empty when the status cannot be read (the process is gone). */
    List<Fact> facts(long pid) {
        Optional<ProcStatus> status = ProbeContext.tryRead(hostProc.resolve(pid + "/status")).map(ProcStatus::parse);
        if (status.isEmpty()) {
            return List.of();
        }
        Optional<Long> mode = status.get().number("Seccomp");
        HashSet<String> caps = new HashSet<>(Capability.names(status.get().hex("CapEff").orElse(0L)));
        if (mode.isPresent() && mode.get() == 0) {
            return verdicts(new FilterVerdicts(List.of(), caps, "no seccomp filter"), "none: status Seccomp is 0, so no filter applies");
        }
        if (mode.isEmpty() || mode.get() != 2) {
            return unobserved("seccomp mode is " + mode.map(String::valueOf).orElse("unknown") + ", not a filter that can be dumped");
        }
        if (!OwnCapabilities.SYS_ADMIN) {
            return unobserved("dumping the filter needs CAP_SYS_ADMIN, which bulwark does not hold");
        }
        FilterDump.Outcome outcome = dumper.dump(pid);
        if (!outcome.dumped()) {
            return unobserved("the filter could not be dumped: " + outcome.problem());
        }
        int n = outcome.filters().size();
        String source = "the process's " + n + " seccomp filter" + (n == 1 ? "" : "s") + ", dumped with PTRACE_SECCOMP_GET_FILTER";
        return verdicts(new FilterVerdicts(outcome.filters(), caps, source), "filter-dump: from " + source);
    }

    private static List<Fact> verdicts(FilterVerdicts verdicts, String how) {
        List<Fact> facts = new ArrayList<>();
        facts.add(Fact.of(SyscallProbe.SWEEP_FACT, how.substring(0, how.indexOf(':')), how
                + "; the calls are judged by the emulator for " + Arch.host().id() + ", with the process's effective capabilities"));
        facts.addAll(verdicts.facts(Arch.host()));
        return facts;
    }

    private static List<Fact> unobserved(String reason) {
        String text = reason + "; only the status fields seccomp.mode and seccomp.filters describe its filter";
        List<Fact> facts = new ArrayList<>();
        facts.add(Fact.unobserved(SyscallProbe.SWEEP_FACT, text));
        SyscallProbeList.builtIn().forEach(s -> facts.add(Fact.unobserved(SyscallClassifier.factName(s), text)));
        return facts;
    }

    /** bulwark's own capabilities do not change during a scan: read once, not once per container. */
    private static final class OwnCapabilities {
        static final boolean SYS_ADMIN = bulwarkHoldsSysAdmin();
    }

    private static boolean bulwarkHoldsSysAdmin() {
        return ProbeContext.tryRead(Path.of("/proc/self/status")).map(ProcStatus::parse)
                .flatMap(s -> s.hex("CapEff")).map(mask -> (mask & (1L << CAP_SYS_ADMIN)) != 0).orElse(false);
    }
}
