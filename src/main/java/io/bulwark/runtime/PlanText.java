package io.bulwark.runtime;

import io.bulwark.os.Capability;
import io.bulwark.seccomp.FilterFlags;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A plan as readable text, one step a line, in the order the executor carries it out. */
public final class PlanText {
    private PlanText() {
    }

    public static List<String> lines(Plan p) {
        List<String> out = new ArrayList<>();
        List<String> ns = new ArrayList<>();
        for (Namespace n : Namespace.values()) {
            if (p.creates(n)) {
                ns.add(n.id());
            }
        }
        out.add("namespaces:   new " + (ns.isEmpty() ? "(none)" : String.join(" ", ns)));
        if (p.uidMap() != null) {
            out.add("uid_map:      " + p.uidMap().trim().replace("\n", "; "));
            out.add("gid_map:      " + p.gidMap().trim().replace("\n", "; ")
                    + (p.setgroups() != null ? " (setgroups " + p.setgroups() + ")" : ""));
        }
        for (CgroupPlan cg : p.cgroups()) {
            StringBuilder files = new StringBuilder();
            for (Map.Entry<String, String> e : cg.files().entrySet()) {
                files.append(' ').append(e.getKey()).append('=').append(e.getValue());
            }
            out.add("cgroup:       " + cg.parent() + "/bulwark-PID" + files);
        }
        for (MountStep m : p.mounts()) {
            out.add("mount:        " + mount(m));
        }
        if (p.hostname() != null) {
            out.add("hostname:     " + p.hostname());
        }
        for (ResourceLimit r : p.rlimits()) {
            out.add("rlimit:       " + r.resource().id() + " " + limit(r.soft()) + ":" + limit(r.hard()));
        }
        out.add("ids:          uid " + p.uid() + ", gid " + p.gid() + ", groups " + p.groups());
        out.add("capabilities: " + (p.capBounding() == 0 ? "none" : String.join(" ", Capability.names(p.capBounding())))
                + " (bounding = effective = permitted; inheritable, ambient empty)");
        out.add("no_new_privs: yes");
        out.add("seccomp:      " + (p.seccomp().length == 0 ? "none (unconfined)" : p.seccomp().length / 8 + " BPF instructions"
                + (p.seccompFlags() == 0 ? "" : ", flags " + String.join(" ", FilterFlags.names(p.seccompFlags())))));
        p.env().forEach(e -> out.add("env:          " + e));
        out.add("cwd:          " + p.cwd());
        out.add("exec:         " + String.join(" ", p.argv()));
        return out;
    }

    private static String mount(MountStep m) {
        switch (m.kind()) {
            case FS:
                return m.fstype() + " on " + m.dst() + " (" + MountFlags.names(m.flags())
                        + (m.data().isEmpty() ? "" : "," + m.data()) + ")";
            case BIND:
                return "bind " + m.src() + " on " + m.dst() + " (" + MountFlags.names(m.attr()) + ")";
            case SYMLINK:
                return "symlink " + m.dst() + " -> " + m.src();
            case PIVOT:
                return "pivot_root into the new root; host tree detached";
            case MASK:
                return "mask " + m.dst();
            default:
                return "read-only " + m.dst();
        }
    }

    private static String limit(long v) {
        return v == ResourceLimit.UNLIMITED ? "unlimited" : Long.toString(v);
    }
}
