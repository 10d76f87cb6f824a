package io.bulwark.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the planner read to make one plan, so that a cached plan is reused only while all of it
 * is unchanged: files whose content mattered (identity, size, mtime and ctime in ns), paths
 * whose kind, owner or mode mattered (and every directory above them, so that a swapped
 * component shows), paths that were absent, kept environment variables, ids, the kernel and
 * the caller's cgroups. Each path is stat'ed when it is recorded, before the planner reads it:
 * a change while planning makes the next check miss rather than hit.
 *
 * <p>The manifest is text the launcher script checks with one {@code stat} call; its format is
 * described in {@code runtime/README.md}. Anything it could not express (a tab or newline in
 * a path or value) leaves the run uncached.
 */
public final class PlanInputs {
    /** Records nothing: planning without a cache. */
    public static final PlanInputs NONE = new PlanInputs(false);

    private final boolean recording;
    private final Map<Path, String> stats = new LinkedHashMap<>(); // path -> "stat\t…", "id\t…" or "absent"
    private final List<String> lines = new ArrayList<>();
    private boolean expressible = true;

    private PlanInputs(boolean recording) {
        this.recording = recording;
    }

    public static PlanInputs recording() {
        return new PlanInputs(true);
    }

    /** A file whose content the planner reads: any change to it makes a new plan. */
    public void content(Path file) {
        path(file, true);
    }

    /** A path whose existence, kind, owner or mode the planner checks, not its content. */
    public void looked(Path path) {
        path(path, false);
    }

    /** An environment variable the planner copied into the plan (null: unset). */
    public void env(String name, String value) {
        expressible &= name.matches("[A-Za-z_][A-Za-z0-9_]*"); // a name the launcher can look up
        add(value == null ? "unset\t" + name : "env\t" + name + "\t" + value);
    }

    /** The whole command line ("run" and its arguments) and the directory it was given in. */
    public void invocation(java.util.List<String> args, Path cwd) {
        add("cwd\t" + cwd);
        args.forEach(a -> add("arg\t" + a));
        expressible &= args.stream().noneMatch(a -> a.indexOf('\t') >= 0);
    }

    public void ids(int euid, int egid) {
        add("ids\t" + euid + "\t" + egid);
    }

    /** The caller's {@code /proc/self/cgroup}: where the run's cgroups are created. */
    public void cgroups(String procSelfCgroup) {
        procSelfCgroup.lines().forEach(l -> add("cgroup\t" + l));
    }

    public void kernel(String release) {
        add("kernel\t" + release);
    }

    private void add(String line) {
        if (recording) {
            expressible &= line.chars().filter(ch -> ch == '\t').count() <= 2 && line.indexOf('\n') < 0 && line.indexOf('\r') < 0;
            lines.add(line);
        }
    }

    private void path(Path given, boolean content) {
        if (!recording) {
            return;
        }
        Path abs = given.toAbsolutePath();
        chain(abs, content);
        try {
            Path real = abs.toRealPath();
            if (!real.equals(abs)) {
                chain(real, content);
            }
        } catch (IOException e) {
            // absent or unreachable: the lexical chain already records where it stops
        }
    }

    /** Every directory above {@code abs} by identity, then abs itself; stops at the first absent one. */
    private void chain(Path abs, boolean content) {
        List<Path> prefixes = new ArrayList<>();
        for (Path p = abs; p != null; p = p.getParent()) {
            prefixes.add(0, p);
        }
        for (Path p : prefixes) {
            boolean leaf = p.equals(abs);
            String s = stat(p, leaf && content);
            String old = stats.get(p);
            if (old == null || (s.startsWith("stat") && !old.startsWith("stat"))) {
                stats.put(p, s);
            }
            if (s.equals("absent")) {
                return;
            }
        }
    }

    /** The fields of {@code stat -c '%d:%i:%f:%u:%g:%s:%.9Y:%.9Z'}; "id" keeps the first five. */
    private static String stat(Path p, boolean full) {
        try {
            Map<String, Object> a = Files.readAttributes(p, "unix:dev,ino,mode,uid,gid,size,lastModifiedTime,ctime",
                    LinkOption.NOFOLLOW_LINKS);
            String id = a.get("dev") + ":" + a.get("ino") + ":" + Integer.toHexString((Integer) a.get("mode")) + ":"
                    + a.get("uid") + ":" + a.get("gid");
            return full ? "stat\t" + id + ":" + a.get("size") + ":" + time(a.get("lastModifiedTime")) + ":" + time(a.get("ctime"))
                    : "id\t" + id;
        } catch (IOException e) {
            return "absent";
        }
    }

    private static String time(Object t) {
        java.time.Instant i = ((FileTime) t).toInstant();
        return i.getEpochSecond() + "." + String.format("%09d", i.getNano());
    }

    /** Whether the launcher could check all that was recorded so far. */
    boolean expressible() {
        return recording && expressible && stats.keySet().stream().map(Path::toString)
                .noneMatch(p -> p.indexOf('\t') >= 0 || p.indexOf('\n') >= 0 || p.indexOf('\r') >= 0);
    }

    /** The manifest of a plan stored at {@code plan}, run by {@code executor}; empty when it cannot be expressed. */
    Optional<String> manifest(Path plan, Path executor) {
        StringBuilder out = new StringBuilder("bulwark-plan-inputs\t1\nplan\t" + plan + "\nexec\t" + executor + "\n");
        lines.forEach(l -> out.append(l).append('\n'));
        stats.forEach((p, s) -> out.append(s.equals("absent") ? "absent\t" + p : s.substring(0, s.indexOf('\t')) + "\t" + p
                + s.substring(s.indexOf('\t'))).append('\n'));
        boolean ok = expressible() && plan.toString().indexOf('\n') < 0 && executor.toString().indexOf('\n') < 0;
        return ok ? Optional.of(out.toString()) : Optional.empty();
    }
}
