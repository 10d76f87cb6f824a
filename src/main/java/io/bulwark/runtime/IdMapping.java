package io.bulwark.runtime;

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
        return Long.parseLong(uidMap.trim().split("\\s+")[1]);
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
