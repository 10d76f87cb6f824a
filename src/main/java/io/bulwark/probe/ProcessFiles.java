package io.bulwark.probe;

import io.bulwark.os.CgroupMembership;
import io.bulwark.os.MountInfo;
import io.bulwark.os.ProcStatus;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The files of the probed process's {@code /proc/PID} that several probes need, each read and
 * parsed once per target: the probes then judge one snapshot of the process rather than
 * several taken moments apart, and a host scan of hundreds of containers does not parse
 * every mount table seven times.
 */
final class ProcessFiles {
    private final Path process;
    private final Map<String, Parsed<?>> parsed = new ConcurrentHashMap<>();

    ProcessFiles(Path process) {
        this.process = process;
    }

    Parsed<MountInfo> mountInfo() {
        return get("mountinfo", MountInfo::parse);
    }

    Parsed<CgroupMembership> cgroups() {
        return get("cgroup", CgroupMembership::parse);
    }

    Parsed<ProcStatus> status() {
        return get("status", ProcStatus::parse);
    }

    /** Each name is parsed by one parser only (the accessors above), so the cast holds. */
    @SuppressWarnings("unchecked")
    private <T> Parsed<T> get(String name, Function<String, T> parser) {
        return (Parsed<T>) parsed.computeIfAbsent(name, n -> Parsed.of(process.resolve(n), parser));
    }
}
