package io.bulwark.runtime;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Writes a {@link Plan} in the executor's wire format, version 1 (runtime/plan.h describes it):
 * a header, then length-prefixed records, little-endian; strings carry a length and a NUL.
 */
public final class PlanEncoder {
    public static final int VERSION = 1;

    private static final byte[] MAGIC = {'B', 'W', 'P', 'L'};

    // Record tags: the numbers are the wire format's (enum plan_tag in runtime/plan.h).
    private static final int NAMESPACES = 1;
    private static final int UID_MAP = 2;
    private static final int GID_MAP = 3;
    private static final int SETGROUPS = 4;
    private static final int CGROUP = 5;
    private static final int MOUNT = 6;
    private static final int HOSTNAME = 7;
    private static final int RLIMIT = 8;
    private static final int IDS = 9;
    private static final int CAPS = 10;
    private static final int SECCOMP = 11;
    private static final int ENV = 12;
    private static final int ARGV = 13;
    private static final int CWD = 14;
    private static final int SECCOMP_FLAGS = 15;

    private PlanEncoder() {
    }

    public static byte[] encode(Plan plan) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        record(body, NAMESPACES, new Fields().u32(plan.namespaces()));
        optional(body, UID_MAP, plan.uidMap());
        optional(body, GID_MAP, plan.gidMap());
        optional(body, SETGROUPS, plan.setgroups());
        for (CgroupPlan cg : plan.cgroups()) {
            Fields f = new Fields().str(cg.parent()).u32(cg.files().size());
            for (Map.Entry<String, String> e : cg.files().entrySet()) {
                f.str(e.getKey()).str(e.getValue());
            }
            record(body, CGROUP, f);
        }
        for (MountStep m : plan.mounts()) {
            record(body, MOUNT, new Fields().u32(m.kind().code()).u64(m.flags()).u64(m.attr())
                    .str(m.src()).str(m.dst()).str(m.fstype()).str(m.data()));
        }
        optional(body, HOSTNAME, plan.hostname());
        for (ResourceLimit r : plan.rlimits()) {
            record(body, RLIMIT, new Fields().u32(r.resource().number()).u64(r.soft()).u64(r.hard()));
        }
        Fields ids = new Fields().u32(plan.uid()).u32(plan.gid()).u32(plan.groups().size());
        plan.groups().forEach(ids::u32);
        record(body, IDS, ids);
        record(body, CAPS, new Fields().u64(plan.capBounding()).u64(plan.capEffective()));
        if (plan.seccomp().length > 0) {
            record(body, SECCOMP, new Fields().raw(plan.seccomp()));
        }
        plan.env().forEach(e -> record(body, ENV, new Fields().str(e)));
        plan.argv().forEach(a -> record(body, ARGV, new Fields().str(a)));
        optional(body, CWD, plan.cwd());
        if (plan.seccompFlags() != 0) {
            record(body, SECCOMP_FLAGS, new Fields().u32(plan.seccompFlags()));
        }

        byte[] b = body.toByteArray();
        ByteBuffer out = ByteBuffer.allocate(12 + b.length).order(ByteOrder.LITTLE_ENDIAN);
        out.put(MAGIC).putShort((short) VERSION).putShort((short) 0).putInt(b.length).put(b);
        return out.array();
    }

    private static void optional(ByteArrayOutputStream body, int tag, String value) {
        if (value != null) {
            record(body, tag, new Fields().str(value));
        }
    }

    private static void record(ByteArrayOutputStream body, int tag, Fields fields) {
        byte[] payload = fields.bytes.toByteArray();
        ByteBuffer head = ByteBuffer.allocate(6).order(ByteOrder.LITTLE_ENDIAN);
        head.putShort((short) tag).putInt(payload.length);
        body.writeBytes(head.array());
        body.writeBytes(payload);
    }

    /** The fields of one record, appended in order. */
    private static final class Fields {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Fields u32(long v) {
            return raw(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) v).array());
        }

        Fields u64(long v) {
            return raw(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array());
        }

        Fields str(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            for (byte x : b) {
                if (x == 0) {
                    throw new IllegalArgumentException("a plan string cannot hold a NUL byte: " + s.replace('\0', '?'));
                }
            }
            u32(b.length);
            raw(b);
            bytes.write(0);
            return this;
        }

        Fields raw(byte[] b) {
            bytes.writeBytes(b);
            return this;
        }
    }
}
