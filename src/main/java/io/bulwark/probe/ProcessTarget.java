package io.bulwark.probe;

import io.bulwark.InputException;
import io.bulwark.audit.Fact;
import io.bulwark.audit.FactSource;
import io.bulwark.audit.Facts;
import io.bulwark.audit.Target;
import io.bulwark.os.ProcessStat;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Optional;

/**
 * A running process probed from the host through {@code /proc/PID}, with the same probes and
 * fact names as {@code scan --self}. Every fact's evidence says which view it came from (see
 * {@link ProbeContext#process}). A process that exits while it is probed is reported as gone:
 * its facts become unobserved, never half-read values of a process that no longer exists (or
 * of a new one that took its pid).
 */
public final class ProcessTarget implements FactSource {
    private final Path hostProc;
    private final long pid;
    private final Target target;
    private final List<Probe> probes;
    private final long startTime;
    private final List<Fact> extra;
    private final ProcessFilters filters;
    private volatile boolean exited;

    private ProcessTarget(Path hostProc, long pid, Target target, List<Probe> probes, long startTime, List<Fact> extra,
            ProcessFilters filters) {
        this.hostProc = hostProc;
        this.filters = filters;
        this.pid = pid;
        this.target = target;
        this.probes = List.copyOf(probes);
        this.startTime = startTime;
        this.extra = List.copyOf(extra);
    }

    /** The process {@code pid} as the user named it; a pid that does not exist is bad input. */
    public static ProcessTarget of(long pid) {
        return of(pid, Probes.all(true));
    }

    /**
     * The same, probed by {@code probes}: a scan of several processes passes every target one
     * set, so that what a probe learns once (a directory walked) serves them all.
     */
    public static ProcessTarget of(long pid, List<Probe> probes) {
        return of(Path.of("/proc"), pid, probes, ProcessFilters.PTRACE);
    }

    /**
     * The process under {@code hostProc}; its syscall facts come from its seccomp filters read by
     * {@code dumper}, or, when that is null, stay as the probes leave them (unobserved).
     */
    static ProcessTarget of(Path hostProc, long pid, List<Probe> probes, ProcessFilters.Dumper dumper) {
        Optional<ProcessStat> stat = stat(hostProc, pid);
        if (stat.isEmpty()) {
            throw new InputException("--pid " + pid + ": no such process (it may have exited); list running ones with 'ps -e'");
        }
        String description = "process " + pid + " (" + stat.get().command() + ") seen from the host";
        return new ProcessTarget(hostProc, pid, new Target("pid", Long.toString(pid), description), probes, startTime(stat.get()), List.of(),
                dumper == null ? null : new ProcessFilters(hostProc, dumper));
    }

    /**
     * A container found by {@link HostContainers}, named as it was found. A process that exited
     * since is not an error: the target collects nothing and reports it gone.
     */
    public static ProcessTarget discovered(FoundContainer found, List<Probe> probes) {
        Path hostProc = Path.of("/proc");
        long start = stat(hostProc, found.pid()).map(ProcessTarget::startTime).orElse(-2L);
        return new ProcessTarget(hostProc, found.pid(), found.target(), probes, start, List.of(),
                new ProcessFilters(hostProc, ProcessFilters.PTRACE));
    }

    /** The same process under another name, e.g. a container found by discovery, with facts known beforehand. */
    public ProcessTarget as(Target named, List<Fact> known) {
        return new ProcessTarget(hostProc, pid, named, probes, startTime, known, filters);
    }

    public long pid() {
        return pid;
    }

    /** The target; after {@link #collect} marked gone when the process exited meanwhile (the scanner asks after collecting). */
    @Override
    public Target target() {
        return exited ? new Target(target.kind(), target.id(), target.description() + " - gone: it exited during the scan") : target;
    }

    /** True when {@link #collect} found the process gone. */
    public boolean exited() {
        return exited;
    }

    /** True when the pid no longer belongs to the process this target was made for. */
    public boolean gone() {
        return stat(hostProc, pid).map(s -> startTime(s) != startTime).orElse(true);
    }

    @Override
    public Facts collect() {
        ProbeContext ctx = ProbeContext.process(hostProc, pid);
        Facts probed = new ProbeRunner(probes).collectInTurn(ctx);
        if (filters != null) {
            filters.facts(pid).forEach(probed::put);
        }
        Facts facts = new Facts();
        if (gone()) {
            String reason = "process " + pid + " exited during the scan: nothing read from it can be trusted";
            probed.all().forEach(f -> facts.put(Fact.unobserved(f.name(), reason)));
            exited = true;
            return facts;
        }
        ViewNote note = new ViewNote(ctx);
        Optional<String> closed = closedRoot(ctx.root());
        probed.all().forEach(f -> facts.put(closed.isPresent() && ViewNote.readsInside(f.name())
                ? Fact.unobserved(f.name(), closed.get()) : note.annotate(f)));
        extra.forEach(facts::put);
        return facts;
    }

    /**
     * Why the process's own filesystem cannot be seen, when the kernel refuses bulwark its
     * {@code /proc/PID/root} (another user's process, without root or CAP_SYS_PTRACE). The probes
     * would take every path there for absent, so their inside-view facts must not stand.
     */
    private static Optional<String> closedRoot(Path root) {
        try {
            Files.readAttributes(root, BasicFileAttributes.class);
            return Optional.empty();
        } catch (AccessDeniedException e) {
            return Optional.of("cannot enter " + root + " (permission denied): the process's own filesystem and procfs"
                    + " are out of reach without root; run bulwark as root to read them");
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<ProcessStat> stat(Path hostProc, long pid) {
        Path file = hostProc.resolve(pid + "/stat");
        return ProbeContext.tryRead(file).flatMap(text -> {
            try {
                return Optional.of(ProcessStat.parse(text));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });
    }

    /** Field 22 of stat, the start time in clock ticks after boot: with the pid, it names one process for good. */
    private static long startTime(ProcessStat stat) {
        try {
            return stat.number(22);
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }
}
