package io.bulwark.cli;

import io.bulwark.InputException;
import io.bulwark.os.Capability;
import io.bulwark.runtime.BindSpec;
import io.bulwark.runtime.ContainerPath;
import io.bulwark.runtime.IdRange;
import io.bulwark.runtime.Namespace;
import io.bulwark.runtime.ResourceLimit;
import io.bulwark.runtime.RlimitResource;
import io.bulwark.runtime.RunSpec;
import io.bulwark.runtime.RuntimeDefaults;
import io.bulwark.seccomp.Target;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options of {@code bulwark run} and {@code bulwark plan}: what to run and how, as a {@link RunSpec}. */
public final class RunOptions {

    @Option(names = "--share", split = ",", paramLabel = "NS",
            description = "Share this namespace with the host instead of a new one: user, pid, ipc, uts, net, cgroup, time.")
    List<String> share = new ArrayList<>();

    @Option(names = "--rootfs", paramLabel = "DIR",
            description = "Pivot into this container root filesystem (read-write). Default: the host's / read-only.")
    String rootfs;

    @Option(names = "--bind", paramLabel = "SRC:DST[:ro|:idmap|:ro,idmap]", description = {
            "Bind a host path into the container; repeatable. idmap (root only, kernel 5.12+, a filesystem that",
            "supports it): its owners are seen through the container's id map, so container root owns what host",
            "root owns, and writes as host root. An idmapped bind is not recursive."})
    List<String> binds = new ArrayList<>();

    @Option(names = "--tmpfs", paramLabel = "DST", description = "Mount an empty tmpfs at DST; repeatable.")
    List<String> tmpfs = new ArrayList<>();

    @Option(names = "--cap-add", split = ",", paramLabel = "CAP", description = "Keep this capability (e.g. NET_BIND_SERVICE); repeatable.")
    List<String> capAdd = new ArrayList<>();

    @Option(names = "--caps", paramLabel = "SET", description = "Start from a capability set: none (default) or docker (Docker's 14).")
    String caps = "none";

    @Option(names = "--seccomp", paramLabel = "PROFILE", defaultValue = "default",
            description = "Seccomp profile: default, strict, a profile FILE, or unconfined (default: ${DEFAULT-VALUE}).")
    String seccomp;

    @Option(names = "--pids-max", paramLabel = "N", description = "Most processes in the run's pids cgroup, or 'unlimited' for no pids cgroup (default: 1024).")
    String pidsMax;

    @Option(names = "--memory", paramLabel = "SIZE", description = "Memory limit of the run's memory cgroup, e.g. 512m, 2g.")
    String memory;

    @Option(names = "--hostname", paramLabel = "NAME", description = "Hostname in the new UTS namespace (default: bulwark).")
    String hostname;

    @Option(names = "--env", paramLabel = "K=V", description = "Set an environment variable; the environment starts clean (PATH, HOME).")
    List<String> env = new ArrayList<>();

    @Option(names = "--env-keep", paramLabel = "K", description = "Pass this variable through from bulwark's environment.")
    List<String> envKeep = new ArrayList<>();

    @Option(names = "--cwd", paramLabel = "DIR", description = "Working directory in the container (default: /).")
    String cwd;

    @Option(names = "--rlimit", paramLabel = "NAME=SOFT[:HARD]", description = "A resource limit, e.g. nofile=1024:4096, core=0; 'unlimited' allowed.")
    List<String> rlimits = new ArrayList<>();

    @Option(names = "--user", paramLabel = "UID[:GID]",
            description = "The workload's uid and gid in the container, as numbers (default 0:0; GID defaults to UID). They must be mapped.")
    String user;

    @Option(names = "--map", paramLabel = "[u:|g:]IN:OUT:N", description = {
            "Map N container ids from IN to the host's from OUT, instead of the default mapping; repeatable.",
            "u: for uids only, g: for gids only, else both. Container id 0 must be mapped; an ordinary",
            "user may map only its own id (0:UID:1)."})
    List<String> maps = new ArrayList<>();

    @Parameters(arity = "1..*", paramLabel = "CMD", description = "The command and its arguments (after --).")
    List<String> command;

    RunSpec spec() {
        return new RunSpec(command, namespaces(), rootfs, binds.stream().map(BindSpec::parse).toList(),
                tmpfs.stream().map(t -> ContainerPath.check("--tmpfs " + t, t)).toList(), capabilities(), seccomp,
                pids(), memory == null ? 0 : Sizes.bytes("--memory", memory), hostname(), env(), envKeep,
                cwd == null ? null : ContainerPath.check("--cwd " + cwd, cwd), rlimits(),
                maps.stream().map(IdRange::parse).toList(), id(0), id(1));
    }

    /** Part {@code i} of --user UID[:GID]; the gid defaults to the uid. */
    private long id(int i) {
        if (user == null) {
            return 0;
        }
        if (!user.matches("\\d{1,10}(:\\d{1,10})?") || Arrays.stream(user.split(":")).anyMatch(p -> Long.parseLong(p) > 0xFFFFFFFEL)) {
            throw new InputException("--user " + user + ": expected UID or UID:GID as numbers below 4294967295 (names are not looked up)");
        }
        String[] f = user.split(":");
        return Long.parseLong(f[Math.min(i, f.length - 1)]);
    }

    private Set<Namespace> namespaces() {
        Set<Namespace> shared = EnumSet.noneOf(Namespace.class);
        for (String s : share) {
            Namespace ns = Namespace.parse(s).orElseThrow(() -> new InputException(
                    "--share " + s + ": unknown namespace; use user, pid, ipc, uts, net, cgroup or time"));
            if (ns == Namespace.MNT) {
                throw new InputException("--share mnt: the container's filesystem is built in its own mount namespace; it cannot be shared");
            }
            shared.add(ns);
        }
        return shared;
    }

    private Set<Capability> capabilities() {
        Set<Capability> set = EnumSet.noneOf(Capability.class);
        switch (caps.toLowerCase(Locale.ROOT)) {
            case "none":
                break;
            case "docker":
                Target.dockerDefaultCapabilities().forEach(c -> set.add(capability("--caps docker", c)));
                break;
            default:
                throw new InputException("--caps " + caps + ": use none or docker");
        }
        capAdd.forEach(c -> set.add(capability("--cap-add", c)));
        return set;
    }

    private static Capability capability(String option, String name) {
        return Capability.parse(name).orElseThrow(() -> new InputException(
                option + " " + name + ": unknown capability; names are as in capabilities(7), e.g. NET_BIND_SERVICE"));
    }

    private long pids() {
        if (pidsMax == null) {
            return RuntimeDefaults.load().pidsMax();
        }
        if (pidsMax.equals("unlimited")) {
            return 0;
        }
        if (!pidsMax.matches("[1-9]\\d{0,8}")) {
            throw new InputException("--pids-max " + pidsMax + ": give a positive whole number or 'unlimited'");
        }
        return Long.parseLong(pidsMax);
    }

    private String hostname() {
        if (hostname != null && !hostname.matches("[A-Za-z0-9]([A-Za-z0-9.-]{0,62})")) {
            throw new InputException("--hostname " + hostname + ": use up to 64 letters, digits, '.' and '-'");
        }
        return hostname;
    }

    private List<String> env() {
        for (String kv : env) {
            if (kv.indexOf('=') < 1) {
                throw new InputException("--env " + kv + ": expected NAME=VALUE");
            }
        }
        return env;
    }

    private List<ResourceLimit> rlimits() {
        List<ResourceLimit> out = new ArrayList<>();
        for (String r : rlimits) {
            String[] kv = r.split("=", 2);
            RlimitResource res = RlimitResource.parse(kv[0]).orElseThrow(() -> new InputException(
                    "--rlimit " + r + ": unknown resource; use a name of setrlimit(2) such as nofile, nproc, core"));
            String[] limits = kv.length == 2 ? kv[1].split(":", -1) : new String[0];
            if (limits.length < 1 || limits.length > 2) {
                throw new InputException("--rlimit " + r + ": expected NAME=SOFT or NAME=SOFT:HARD");
            }
            long soft = limit(r, limits[0]);
            long hard = limits.length == 2 ? limit(r, limits[1]) : soft;
            if (hard != ResourceLimit.UNLIMITED && (soft == ResourceLimit.UNLIMITED || soft > hard)) {
                throw new InputException("--rlimit " + r + ": the soft limit must not exceed the hard limit");
            }
            out.add(new ResourceLimit(res, soft, hard));
        }
        return out;
    }

    private static long limit(String input, String v) {
        if (v.equals("unlimited")) {
            return ResourceLimit.UNLIMITED;
        }
        if (!v.matches("\\d{1,18}")) {
            throw new InputException("--rlimit " + input + ": " + v + " is not a whole number or 'unlimited'");
        }
        return Long.parseLong(v);
    }
}
