package io.bulwark.probe;

import io.bulwark.os.CgroupMembership;
import io.bulwark.os.KernelFile;
import io.bulwark.os.MountInfo;
import io.bulwark.os.ProcStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a probe looks. For {@code scan --self} that is the live {@code /}, {@code /proc} and
 * {@code /proc/self}; tests point it at a fixture tree laid out the same way. A context also
 * holds the process files several probes parse, read once for it: a class, not a record, so
 * that this cache stays out of its identity.
 */
public final class ProbeContext {
    private final Path root;
    private final Path proc;
    private final Path process;
    private final boolean live;
    private final ProcessFiles files;

    /**
     * @param root    the target's filesystem root
     * @param proc    the target's procfs
     * @param process the probed process's {@code /proc/PID} directory
     * @param live    true when probing the running system (syscall probes may run), false for fixtures
     */
    public ProbeContext(Path root, Path proc, Path process, boolean live) {
        this.root = root;
        this.proc = proc;
        this.process = process;
        this.live = live;
        this.files = new ProcessFiles(process);
    }

    public Path root() {
        return root;
    }

    public Path proc() {
        return proc;
    }

    public Path process() {
        return process;
    }

    public boolean live() {
        return live;
    }

    public static ProbeContext self() {
        return new ProbeContext(Path.of("/"), Path.of("/proc"), Path.of("/proc/self"), true);
    }

    /**
     * Another running process, seen from the host. Two views, chosen per file: the process's
     * own {@code /proc/PID} files (status, ns, cgroup, mountinfo, attr, uid_map) are read in
     * the host's procfs, where they exist whatever the process mounted; its filesystem and the
     * procfs it mounted (masks, sysctls, /dev, cgroup files) are read from inside, through
     * {@code /proc/PID/root}. When the process has no procfs of its own at {@code /proc}, the
     * host's stands in, and {@link #insideProc()} says so.
     */
    public static ProbeContext process(Path hostProc, long pid) {
        Path process = hostProc.resolve(Long.toString(pid));
        Path root = process.resolve("root");
        Path inside = root.resolve("proc");
        boolean mounted = java.nio.file.Files.isRegularFile(inside.resolve("sys/kernel/osrelease"))
                || java.nio.file.Files.isDirectory(inside.resolve("self"));
        return new ProbeContext(root, mounted ? inside : hostProc, process, true);
    }

    /**
     * The pid of a process seen from the host ({@link #process}): then the host's own state of
     * it (a runtime's state directory) may be consulted too. Empty for {@code scan --self}
     * and fixtures.
     */
    Optional<Long> hostPid() {
        Path name = process.getFileName();
        if (!live || name == null || !root.equals(process.resolve("root")) || !name.toString().chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(name.toString()));
    }

    /** True when the procfs probed is the one the process sees, not a stand-in from the host. */
    public boolean insideProc() {
        return proc.startsWith(root) && !root.equals(Path.of("/"));
    }

    /** A fixture tree with {@code proc/} and {@code proc/self/} under {@code dir}. */
    public static ProbeContext fixture(Path dir) {
        return new ProbeContext(dir, dir.resolve("proc"), dir.resolve("proc/self"), false);
    }

    /** An absolute path of the target's filesystem, e.g. {@code /dev/kmsg}, seen from here. */
    public Path path(String absolute) {
        return root.resolve(absolute.substring(1));
    }

    /** A file under the target's procfs, e.g. {@code meminfo}. */
    public Path procFile(String relative) {
        return proc.resolve(relative);
    }

    /** The probed process's mount table, as it sees it. */
    Parsed<MountInfo> mountInfo() {
        return files.mountInfo();
    }

    /** The probed process's cgroups ({@code /proc/PID/cgroup}). */
    Parsed<CgroupMembership> cgroups() {
        return files.cgroups();
    }

    /** The probed process's {@code /proc/PID/status}. */
    Parsed<ProcStatus> status() {
        return files.status();
    }

    /** A file under the probed process's {@code /proc/PID}, e.g. {@code status}. */
    public Path processFile(String relative) {
        return process.resolve(relative);
    }

    /** The text of a file (see {@link KernelFile}); IOExceptions carry the path so evidence can name it. */
    public static String read(Path file) throws IOException {
        return KernelFile.read(file);
    }

    /** The text of a file, or empty when it does not exist or cannot be read. */
    public static Optional<String> tryRead(Path file) {
        try {
            return Optional.of(read(file));
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }
}
