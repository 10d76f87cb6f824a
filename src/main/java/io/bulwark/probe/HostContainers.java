package io.bulwark.probe;

import io.bulwark.InputException;
import io.bulwark.audit.Confidence;
import io.bulwark.os.CgroupMembership;
import io.bulwark.os.KernelVersion;
import io.bulwark.os.Namespaces;
import io.bulwark.os.ProcessStat;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every container on the host, whatever started it: the processes whose namespaces differ from
 * pid 1's, grouped by their namespace set, each group represented by its init (the lowest pid
 * whose parent is outside the group). Kernel threads are skipped. Each is named by runtime and
 * id from its cgroup path, the runtime signs of {@code runtime-signs.yaml}; never from its
 * environment, which is the process's own business.
 */
public final class HostContainers {
    /** The namespaces that set a container apart; time is left out, as no runtime gives one of its own by default. */
    static final List<String> TYPES = List.of("pid", "mnt", "net", "user", "uts", "ipc", "cgroup");
    private static final long PF_KTHREAD = 0x00200000L;

    /** @param startTime field 22 of stat: with the pid, it names one process for good */
    private record Process(long pid, long ppid, long startTime, List<String> namespaces) {
    }

    private final Path proc;
    private final Path hostRoot;

    public HostContainers(Path proc) {
        this(proc, Path.of("/"));
    }

    /** Processes under {@code proc}; the runtimes' state directories under {@code hostRoot}. */
    HostContainers(Path proc, Path hostRoot) {
        this.proc = proc;
        this.hostRoot = hostRoot;
    }

    /**
     * What discovery saw: the containers, ordered by their init's pid, and how many user-space
     * processes it could not place because their namespaces were unreadable (without root).
     */
    public record Discovery(List<FoundContainer> containers, int unreadable) {
    }

    /** The containers found now. */
    public Discovery discover() {
        List<String> host = namespaces(1).or(HostContainers::initialNamespaces).orElseThrow(() -> new InputException(
                "scan --all: cannot read the namespaces of pid 1 under " + proc + "; run bulwark as root to see every process"));
        Map<List<String>, List<Process>> groups = new LinkedHashMap<>();
        int unreadable = 0;
        // pid 1 is the host's reference, never a container of its own; the reads of each
        // process are independent, and a host has hundreds, so they go side by side.
        List<Optional<Optional<Process>>> processes = pids().parallelStream().filter(pid -> pid != 1).map(this::process).toList();
        for (Optional<Optional<Process>> seen : processes) {
            if (seen.isPresent() && seen.get().isEmpty()) {
                unreadable++;
            }
            seen.flatMap(p -> p).filter(p -> !p.namespaces().equals(host))
                    .ifPresent(p -> groups.computeIfAbsent(p.namespaces(), k -> new ArrayList<>()).add(p));
        }
        Map<List<String>, Process> inits = new LinkedHashMap<>();
        groups.forEach((ns, members) -> inits.put(ns, init(members)));
        Map<List<String>, Long> launched = launchers(groups, inits, host);
        RuntimeStates states = RuntimeStates.read(hostRoot);
        List<FoundContainer> found = new ArrayList<>();
        for (Map.Entry<List<String>, List<Process>> group : groups.entrySet()) {
            if (launched.containsKey(group.getKey())) {
                continue;
            }
            Process init = inits.get(group.getKey());
            List<Process> members = group.getValue();
            List<String> own = new ArrayList<>();
            for (int i = 0; i < TYPES.size(); i++) {
                if (!init.namespaces().get(i).equals(host.get(i))) {
                    own.add(TYPES.get(i));
                }
            }
            int launchers = launched.entrySet().stream().filter(e -> e.getValue() == init.pid())
                    .mapToInt(e -> groups.get(e.getKey()).size()).sum();
            found.add(name(init, own, members.size() + launchers, states));
        }
        found.sort(Comparator.comparingLong(FoundContainer::pid));
        return new Discovery(found, unreadable);
    }

    /** The lowest pid whose parent is outside the group, or the lowest pid when every parent is inside. */
    private static Process init(List<Process> members) {
        Set<Long> pids = members.stream().map(Process::pid).collect(Collectors.toSet());
        return members.stream().filter(p -> !pids.contains(p.ppid()))
                .min(Comparator.comparingLong(Process::pid))
                .orElse(members.stream().min(Comparator.comparingLong(Process::pid)).orElseThrow());
    }

    /**
     * Groups that only launch another: in the host's pid namespace, sharing every other namespace
     * with a group whose init is their child (unshare --fork, which enters the new user and mount
     * namespaces itself but leaves the new pid namespace to its child). They belong to that
     * sandbox rather than being one more container; the value is the launched group's init pid.
     */
    private static Map<List<String>, Long> launchers(Map<List<String>, List<Process>> groups, Map<List<String>, Process> inits,
            List<String> host) {
        int pidIndex = TYPES.indexOf("pid");
        Map<List<String>, Long> launched = new LinkedHashMap<>();
        groups.forEach((ns, members) -> {
            if (!ns.get(pidIndex).equals(host.get(pidIndex))) {
                return;
            }
            Set<Long> pids = members.stream().map(Process::pid).collect(Collectors.toSet());
            inits.forEach((other, init) -> {
                List<String> sameButPid = new ArrayList<>(other);
                sameButPid.set(pidIndex, ns.get(pidIndex));
                if (!other.equals(ns) && sameButPid.equals(ns) && pids.contains(init.ppid())) {
                    launched.put(ns, init.pid());
                }
            });
        });
        return launched;
    }

    /**
     * Runtime and id from the cgroup path and the state a low-level runtime keeps for the init;
     * with neither, pid 1's command (bwrap) when the pid namespace is its own.
     */
    private FoundContainer name(Process init, List<String> own, int members, RuntimeStates states) {
        List<RuntimeSigns.Sign> signs = new ArrayList<>(states.signs(init.pid(), init.startTime()));
        ProbeContext.tryRead(proc.resolve(init.pid() + "/cgroup")).ifPresent(text -> {
            try {
                signs.addAll(RuntimeSigns.fromCgroups(CgroupMembership.parse(text)));
            } catch (IllegalArgumentException e) {
                // an unreadable cgroup file names nothing; the other signs decide
            }
        });
        if (own.contains("pid")) {
            stat(init.pid()).ifPresent(s -> signs.addAll(RuntimeSigns.fromPid1(s)));
        }
        List<RuntimeSigns.Sign> strong = signs.stream().filter(s -> s.confidence() != Confidence.GUESS).toList();
        String runtime = RuntimeSigns.DATA.precedence().stream()
                .filter(r -> strong.stream().anyMatch(s -> s.runtime().equals(r)))
                .findFirst()
                .orElse(strong.isEmpty() ? RuntimeProbe.UNKNOWN : strong.get(0).runtime());
        String id = strong.stream().filter(s -> s.runtime().equals(runtime) && s.id() != null).map(RuntimeSigns.Sign::id)
                .findFirst().orElse(null);
        return new FoundContainer(init.pid(), runtime, id, own, members);
    }

    private List<Long> pids() {
        List<Long> pids = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(proc)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!name.isEmpty() && name.chars().allMatch(Character::isDigit)) {
                    pids.add(Long.parseLong(name));
                }
            }
        } catch (IOException e) {
            throw new InputException("scan --all: cannot list " + proc + " (" + e.getMessage() + "); is procfs mounted?");
        }
        return pids;
    }

    /**
     * A user-space process with its namespaces, or empty inside when its namespaces cannot be
     * read; empty outside for kernel threads, zombies and processes that exited.
     */
    private Optional<Optional<Process>> process(long pid) {
        Optional<ProcessStat> stat = stat(pid);
        if (stat.isEmpty()) {
            return Optional.empty();
        }
        long ppid = stat.get().number(4);
        boolean kernelThread = pid == 2 || ppid == 2 || (stat.get().number(9) & PF_KTHREAD) != 0;
        boolean dead = stat.get().state().equals("Z") || stat.get().state().equals("X");
        if (kernelThread || dead) {
            return Optional.empty();
        }
        if (!hasExe(pid)) {
            // Only a kernel thread or a zombie has no executable; for anything else, the link is unreadable to us.
            return Files.exists(proc.resolve(Long.toString(pid))) ? Optional.of(Optional.empty()) : Optional.empty();
        }
        long startTime = stat.get().number(22);
        Optional<Process> process = namespaces(pid).map(ns -> new Process(pid, ppid, startTime, ns));
        return process.isPresent() || Files.exists(proc.resolve(Long.toString(pid))) ? Optional.of(process) : Optional.empty();
    }

    private boolean hasExe(long pid) {
        try {
            Files.readSymbolicLink(proc.resolve(pid + "/exe"));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The kernel's initial namespaces by their fixed inodes, for when pid 1's links cannot be read
     * (an init that is not dumpable, or a supervisor in its place); empty on a kernel where some
     * initial inode is not fixed (mnt and net before 6.18).
     */
    private static Optional<List<String>> initialNamespaces() {
        KernelVersion kernel = KernelVersion.running();
        List<String> links = new ArrayList<>();
        for (String type : TYPES) {
            Optional<Long> inode = Namespaces.initialInode(type).filter(i -> Namespaces.initialInodeFixed(type, kernel));
            if (inode.isEmpty()) {
                return Optional.empty();
            }
            links.add(type + ":[" + inode.get() + "]");
        }
        return Optional.of(links);
    }

    private Optional<List<String>> namespaces(long pid) {
        List<String> links = new ArrayList<>(TYPES.size());
        for (String type : TYPES) {
            try {
                links.add(Files.readSymbolicLink(proc.resolve(pid + "/ns/" + type)).toString());
            } catch (IOException | UnsupportedOperationException e) {
                return Optional.empty();
            }
        }
        return Optional.of(links);
    }

    private Optional<ProcessStat> stat(long pid) {
        return ProbeContext.tryRead(proc.resolve(pid + "/stat")).flatMap(text -> {
            try {
                return Optional.of(ProcessStat.parse(text));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });
    }
}
