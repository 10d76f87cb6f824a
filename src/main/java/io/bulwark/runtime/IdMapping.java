package io.bulwark.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How ids of the new user namespace map to the host's: root in the container becomes an
 * unprivileged host id. Run by root: the subordinate range of the configured user in
 * /etc/subuid and /etc/subgid, else a fixed high range. Run by anyone else: that user, alone.
 *
 * @param setgroups "deny" when an unprivileged caller maps its own gid (the kernel requires it)
 * @param source    where the range came from, for the plan's text
 */
public record IdMapping(String uidMap, String gidMap, String setgroups, String source) {

    /** The host uid that uid 0 in the container is. */
    public long containerRoot() {
        for (String line : uidMap.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f[0].equals("0")) {
                return Long.parseLong(f[1]);
            }
        }
        throw new IllegalStateException("container root is not mapped: " + uidMap);
    }

    public static IdMapping choose(int euid, int egid, String subuid, String subgid, RuntimeDefaults d) {
        if (euid != 0) {
            return new IdMapping("0 " + euid + " 1\n", "0 " + egid + " 1\n", "deny",
                    "rootless: container root is the calling user " + euid);
        }
        Optional<String> u = subordinate(subuid, d.subidUser());
        Optional<String> g = subordinate(subgid, d.subidUser());
        if (u.isPresent() && g.isPresent()) {
            return new IdMapping("0 " + u.get() + "\n", "0 " + g.get() + "\n", null,
                    "/etc/subuid and /etc/subgid of user " + d.subidUser());
        }
        String fixed = "0 " + d.idRangeStart() + " " + d.idRangeCount() + "\n";
        return new IdMapping(fixed, fixed, null, "fixed range " + d.idRangeStart() + "+" + d.idRangeCount()
                + " (no " + d.subidUser() + " entry in /etc/subuid and /etc/subgid)");
    }

    /** Whether container uid {@code id} has a host uid in this mapping. */
    public boolean mapsUid(long id) {
        return maps(uidMap, id);
    }

    public boolean mapsGid(long id) {
        return maps(gidMap, id);
    }

    private static boolean maps(String map, long id) {
        for (String line : map.split("\n")) {
            String[] f = line.trim().split("\\s+");
            long inside = Long.parseLong(f[0]);
            if (id >= inside && id < inside + Long.parseLong(f[2])) {
                return true;
            }
        }
        return false;
    }

    /**
     * The maps given with {@code --map}, checked as the kernel will check them: ranges must not
     * overlap, container root must be mapped (the executor sets the container up as its root),
     * and an ordinary user may write only the one line that maps root to itself.
     */
    public static IdMapping explicit(List<IdRange> ranges, int euid, int egid) {
        String uid = lines(ranges, true, euid);
        String gid = lines(ranges, false, egid);
        return new IdMapping(uid, gid, euid == 0 ? null : "deny", "--map");
    }

    private static String lines(List<IdRange> ranges, boolean uids, int callerId) {
        String kind = uids ? "uid" : "gid";
        List<IdRange> mine = new ArrayList<>();
        for (IdRange r : ranges) {
            if (uids ? r.uids() : r.gids()) {
                for (IdRange other : mine) {
                    if (r.overlaps(other)) {
                        throw new RunFailure("--map " + r + " overlaps --map " + other + " in its " + kind
                                + "s (inside or outside): the kernel refuses overlapping ranges");
                    }
                }
                mine.add(r);
            }
        }
        if (mine.size() > 340) {
            throw new RunFailure("--map: " + mine.size() + " " + kind + " ranges; the kernel takes at most 340");
        }
        if (mine.stream().noneMatch(r -> r.mapsInside(0))) {
            throw new RunFailure("--map: container " + kind + " 0 is not mapped; add a range with INSIDE 0"
                    + " (the container is set up as its root; use --user for the workload's ids)");
        }
        if (callerId != 0 && (mine.size() != 1 || mine.get(0).outside() != callerId || mine.get(0).count() != 1)) {
            throw new RunFailure("--map " + mine.get(0) + ": run by " + kind + " " + callerId + ", the kernel lets only the line 0:"
                    + callerId + ":1 be written (an ordinary user maps just its own " + kind + "); other ranges need root");
        }
        StringBuilder text = new StringBuilder();
        mine.forEach(r -> text.append(r.line()));
        return text.toString();
    }

    /** "START COUNT" of the first line "user:START:COUNT" of an /etc/subuid-format text. */
    static Optional<String> subordinate(String text, String user) {
        for (String line : text.split("\n")) {
            String[] f = line.trim().split(":");
            if (f.length == 3 && f[0].equals(user) && f[1].matches("\\d+") && f[2].matches("[1-9]\\d*")) {
                return Optional.of(f[1] + " " + f[2]);
            }
        }
        return Optional.empty();
    }
}
