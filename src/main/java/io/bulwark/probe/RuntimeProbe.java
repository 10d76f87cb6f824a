package io.bulwark.probe;

import io.bulwark.audit.Confidence;
import io.bulwark.audit.Fact;
import io.bulwark.audit.FactSpec;
import io.bulwark.os.CgroupMembership;
import io.bulwark.os.MountInfo;
import io.bulwark.os.ProcessStat;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The runtime the process runs in — none, Docker, Podman, containerd, Kubernetes, CRI-O, runc,
 * crun, LXC, systemd-nspawn, bubblewrap, bulwark, or an unknown container — from cgroup paths,
 * marker files, {@code container=} in its own environment, mounts, its namespaces, and, seen
 * from the host, the state a low-level runtime keeps for it. A sign that
 * can be left behind on a host (an image's {@code /.dockerenv}) counts only with company.
 */
public final class RuntimeProbe implements Probe {
    static final String NONE = "none";
    static final String UNKNOWN = "unknown-container";

    /** The runtimes' state on the host, read by the first target seen from the host and kept for the rest of the scan. */
    private volatile RuntimeStates hostStates;

    @Override
    public List<FactSpec> facts() {
        return List.of(
                FactSpec.text("runtime.name", "none, docker, podman, containerd, kubernetes, cri-o, runc, crun, lxc, systemd-nspawn,"
                        + " bubblewrap, bulwark or unknown-container"),
                FactSpec.bool("runtime.in_container", "the process runs in a container or sandbox, not on the bare host"),
                FactSpec.text("runtime.container_id", "the container's id, when a sign names it"),
                FactSpec.list("runtime.signs", "every sign seen: runtime, what was seen, confidence"));
    }

    @Override
    public List<Fact> collect(ProbeContext ctx) {
        List<RuntimeSigns.Sign> signs = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Parsed<CgroupMembership> groups = ctx.cgroups();
        groups.optional().ifPresentOrElse(g -> signs.addAll(RuntimeSigns.fromCgroups(g)), () -> notes.add(groups.problem()));
        Parsed<MountInfo> mounts = ctx.mountInfo();
        mounts.optional().ifPresentOrElse(m -> signs.addAll(RuntimeSigns.fromMounts(m)), () -> notes.add(mounts.problem()));
        signs.addAll(RuntimeSigns.fromFiles(ctx));
        ctx.hostPid().ifPresent(pid -> signs.addAll(stateSigns(ctx, pid)));
        if (ownProcess(ctx)) {
            ProbeContext.tryRead(ctx.processFile("environ")).ifPresent(env -> signs.addAll(RuntimeSigns.fromEnvironment(env)));
        }
        Optional<NamespaceSharing> pid = NamespaceSharing.of(ctx, "pid");
        Optional<NamespaceSharing> mnt = NamespaceSharing.of(ctx, "mnt");
        boolean ownPidNs = pid.map(p -> !p.initial()).orElse(false);
        if (ownPidNs) {
            Parsed.of(ctx.path("/proc/1/stat"), ProcessStat::parse).optional().ifPresent(init -> signs.addAll(RuntimeSigns.fromPid1(init)));
        }
        pid.ifPresentOrElse(p -> notes.add(p.evidence()), () -> notes.add("ns/pid unreadable"));
        mnt.ifPresentOrElse(m -> notes.add(m.evidence()), () -> notes.add("ns/mnt unreadable"));
        groups.optional().ifPresent(g -> cgroupNamespaceNote(ctx, g).ifPresent(notes::add));

        Verdict verdict = judge(signs, pid, mnt);
        String evidence = verdict.reason() + "; signs: " + (signs.isEmpty() ? "none" : signs.toString()) + "; " + String.join("; ", notes);
        List<Fact> facts = new ArrayList<>();
        facts.add(Fact.inferred("runtime.name", verdict.name(), verdict.confidence(), evidence));
        facts.add(Fact.inferred("runtime.in_container", !verdict.name().equals(NONE), verdict.confidence(), evidence));
        Optional<String> id = signs.stream().filter(s -> s.id() != null && s.runtime().equals(verdict.name())).map(RuntimeSigns.Sign::id).findFirst()
                .or(() -> signs.stream().filter(s -> s.id() != null && s.confidence() != Confidence.GUESS).map(RuntimeSigns.Sign::id).findFirst());
        facts.add(id.filter(i -> !verdict.name().equals(NONE))
                .map(i -> Fact.inferred("runtime.container_id", i, verdict.confidence(), "named by: " + signs.stream()
                        .filter(s -> i.equals(s.id())).map(RuntimeSigns.Sign::what).toList()))
                .orElse(Fact.unobserved("runtime.container_id", verdict.name().equals(NONE)
                        ? "not in a container" : "no sign names the container's id")));
        facts.add(Fact.of("runtime.signs", signs.stream().map(RuntimeSigns.Sign::toString).toList(),
                signs.size() + " signs; " + String.join("; ", notes)));
        return facts;
    }

    record Verdict(String name, Confidence confidence, String reason) {
    }

    /**
     * Strong signs name the runtime (by precedence when several show). Without one, a pid
     * namespace of its own still makes a container, of a runtime no sign names; weak signs
     * never name one on their own, as a host whose image was built by Docker carries
     * {@code /.dockerenv} into every sandbox started on it.
     */
    static Verdict judge(List<RuntimeSigns.Sign> signs, Optional<NamespaceSharing> pid, Optional<NamespaceSharing> mnt) {
        List<RuntimeSigns.Sign> strong = signs.stream().filter(s -> s.confidence() != Confidence.GUESS).toList();
        if (!strong.isEmpty()) {
            for (String runtime : RuntimeSigns.DATA.precedence()) {
                if (strong.stream().anyMatch(s -> s.runtime().equals(runtime))) {
                    return new Verdict(runtime, Confidence.LIKELY, "named by a strong sign");
                }
            }
            return new Verdict(strong.get(0).runtime(), Confidence.LIKELY, "named by a strong sign");
        }
        String weak = signs.isEmpty() ? "" : " (weak signs alone name no runtime)";
        if (pid.map(p -> !p.initial()).orElse(false)) {
            return new Verdict(UNKNOWN, pid.get().confidence(), "a pid namespace of its own, but no strong sign names the runtime" + weak);
        }
        if (pid.isEmpty() || mnt.isEmpty()) {
            return new Verdict(NONE, Confidence.GUESS, "no strong sign of a runtime, and the namespaces could not all be read" + weak);
        }
        boolean ownMnt = !mnt.get().initial();
        Confidence c = pid.get().confidence() == Confidence.CERTAIN && mnt.get().confidence() == Confidence.CERTAIN
                ? Confidence.CERTAIN : Confidence.LIKELY;
        return new Verdict(NONE, c, "the host's pid namespace and no strong sign of a runtime" + weak
                + (ownMnt ? "; the mount namespace is its own, as a service sandbox's is" : ", in the host's mount namespace"));
    }

    /** A low-level runtime's record of the process, matched by pid and start time (stat field 22). */
    private List<RuntimeSigns.Sign> stateSigns(ProbeContext ctx, long pid) {
        Optional<Long> started = Parsed.of(ctx.processFile("stat"), ProcessStat::parse).optional().flatMap(RuntimeProbe::startTime);
        if (started.isEmpty()) {
            return List.of();
        }
        RuntimeStates states = hostStates;
        if (states == null) {
            states = RuntimeStates.read(Path.of("/"));
            hostStates = states; // two first targets may both read: the same answer
        }
        return states.signs(pid, started.get());
    }

    private static Optional<Long> startTime(ProcessStat stat) {
        try {
            return Optional.of(stat.number(22));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The environment is read only for bulwark's own process: another's environment is its own business. */
    private static boolean ownProcess(ProbeContext ctx) {
        return ctx.process().getFileName() != null && ctx.process().getFileName().toString().equals("self");
    }

    private static Optional<String> cgroupNamespaceNote(ProbeContext ctx, CgroupMembership groups) {
        boolean allRoot = groups.entries().stream().allMatch(e -> e.path().equals("/"));
        Optional<NamespaceSharing> cgroup = NamespaceSharing.of(ctx, "cgroup");
        if (allRoot && cgroup.isPresent() && !cgroup.get().initial()) {
            return Optional.of("every cgroup path is '/': a cgroup namespace hides the runtime's paths, so the other signs decide");
        }
        return Optional.empty();
    }
}
