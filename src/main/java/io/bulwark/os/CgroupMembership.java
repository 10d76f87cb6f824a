package io.bulwark.os;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code /proc/PID/cgroup} (cgroups(7)): the cgroup of the process in each hierarchy, one line
 * {@code HIERARCHY-ID:CONTROLLERS:PATH} per hierarchy. cgroup v1 hierarchies carry controllers
 * ({@code 4:memory:/docker/ab12…}, {@code 2:cpu,cpuacct:/}) or a name
 * ({@code 1:name=systemd:/user.slice}); the v2 unified hierarchy is {@code 0::/PATH}. Paths are
 * relative to the cgroup namespace's root, so inside a cgroup namespace they start at {@code /}.
 */
public final class CgroupMembership {

    /**
     * One hierarchy the process is in.
     *
     * @param controllers the controllers bound to a v1 hierarchy, or its {@code name=…}; empty for v2
     */
    public record Entry(int hierarchyId, List<String> controllers, String path) {
        public Entry {
            controllers = List.copyOf(controllers);
        }

        /** The v2 unified hierarchy. */
        public boolean unified() {
            return hierarchyId == 0 && controllers.isEmpty();
        }

        @Override
        public String toString() {
            return hierarchyId + ":" + String.join(",", controllers) + ":" + path;
        }
    }

    private final List<Entry> entries;

    private CgroupMembership(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static CgroupMembership parse(String text) {
        List<Entry> entries = new ArrayList<>();
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            // The path is last and may itself hold colons, so split at the first two only.
            String[] f = line.split(":", 3);
            if (f.length != 3) {
                throw malformed(i + 1, line, "expected HIERARCHY-ID:CONTROLLERS:PATH");
            }
            int id;
            try {
                id = Integer.parseInt(f[0]);
            } catch (NumberFormatException e) {
                throw malformed(i + 1, line, "hierarchy id '" + f[0] + "' is not a number");
            }
            if (!f[2].startsWith("/")) {
                throw malformed(i + 1, line, "path '" + f[2] + "' does not start with /");
            }
            List<String> controllers = f[1].isEmpty() ? List.of() : List.of(f[1].split(","));
            if (id == 0 && !controllers.isEmpty()) {
                throw malformed(i + 1, line, "hierarchy 0 is the v2 hierarchy and has no controller list");
            }
            entries.add(new Entry(id, controllers, f[2]));
        }
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("cgroup file is empty");
        }
        return new CgroupMembership(entries);
    }

    private static IllegalArgumentException malformed(int number, String line, String why) {
        return new IllegalArgumentException("cgroup line " + number + " '" + line.strip() + "': " + why);
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The v1 hierarchy that carries {@code controller} ({@code pids}, {@code name=systemd}, …). */
    public Optional<Entry> v1(String controller) {
        return entries.stream().filter(e -> e.hierarchyId() != 0 && e.controllers().contains(controller)).findFirst();
    }

    /** The v2 unified hierarchy's line, {@code 0::/PATH}. */
    public Optional<Entry> unified() {
        return entries.stream().filter(Entry::unified).findFirst();
    }

    /** True when the process is in any v1 hierarchy. */
    public boolean hasV1() {
        return entries.stream().anyMatch(e -> e.hierarchyId() != 0);
    }
}
