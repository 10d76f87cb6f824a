/* The run plan: what the Java planner decided, as the executor reads it.
 *
 * Wire format, version 1, little-endian (io.bulwark.runtime.PlanEncoder writes it):
 *   header  "BWPL" | u16 version | u16 0 | u32 body length (= the bytes that follow)
 *   body    records: u16 tag | u32 length | payload[length]
 *   str     u32 n | n bytes without NUL | one NUL byte
 * Every payload must be consumed exactly; an unknown tag, a count over its limit or a
 * string without its NUL rejects the whole plan. Strings point into the caller's buffer. */
#ifndef BULWARK_PLAN_H
#define BULWARK_PLAN_H

#include <stddef.h>
#include <stdint.h>
#include <linux/filter.h>

#define PLAN_MAGIC "BWPL"
#define PLAN_VERSION 1
#define PLAN_MAX_BYTES (4u << 20)

enum plan_tag {
    TAG_NAMESPACES = 1, TAG_UID_MAP, TAG_GID_MAP, TAG_SETGROUPS, TAG_CGROUP, TAG_MOUNT,
    TAG_HOSTNAME, TAG_RLIMIT, TAG_IDS, TAG_CAPS, TAG_SECCOMP, TAG_ENV, TAG_ARGV, TAG_CWD,
    TAG_SECCOMP_FLAGS, /* u32: the flags of seccomp(SECCOMP_SET_MODE_FILTER); absent: 0 */
};

/* Mount steps, carried out in plan order. Before PIVOT, sources are host paths and
 * destinations lie in the new root; after it, both are paths in the new root. */
enum mount_kind {
    MOUNT_FS = 1,   /* mount(src, dst, fstype, flags, data), then mount_setattr(attr) */
    MOUNT_BIND,     /* recursive bind of src on dst, then mount_setattr(attr); with
                     * MOUNT_ATTR_IDMAP in attr: src (one mount, not recursive) idmapped to
                     * the container's user namespace, before the pivot only */
    MOUNT_SYMLINK,  /* symlink(src, dst) */
    MOUNT_PIVOT,    /* make the new root the root; the host's tree is detached */
    MOUNT_MASK,     /* dst: a file gets a verified /dev/null, a directory an empty ro tmpfs */
    MOUNT_READONLY, /* dst bound on itself, then mount_setattr(attr) */
};

#define MAX_CGROUPS 8
#define MAX_CGROUP_FILES 8
#define MAX_MOUNTS 256
#define MAX_RLIMITS 16
#define MAX_GROUPS 64
#define MAX_STRINGS 4096
#define MAX_FILTER 4096
#define MAX_IDMAPS 16

struct cgroup_plan {
    const char *dir; /* the parent directory; the executor creates its own child in it */
    unsigned n_files;
    const char *file[MAX_CGROUP_FILES], *value[MAX_CGROUP_FILES];
};

struct mount_step {
    uint32_t kind;
    uint64_t flags, attr;
    const char *src, *dst, *fstype, *data;
};

struct rlimit_step {
    uint32_t resource;
    uint64_t soft, hard;
};

struct plan {
    uint32_t ns_flags;
    const char *uid_map, *gid_map, *setgroups, *hostname, *cwd;
    unsigned n_cgroups, n_mounts, n_rlimits, n_groups, n_env, n_argv;
    struct cgroup_plan cgroups[MAX_CGROUPS];
    struct mount_step mounts[MAX_MOUNTS];
    struct rlimit_step rlimits[MAX_RLIMITS];
    int has_ids, has_caps;
    uint32_t uid, gid, groups[MAX_GROUPS];
    uint64_t cap_bounding, cap_effective;
    struct sock_filter filter[MAX_FILTER];
    unsigned filter_len; /* 0: no seccomp filter */
    uint32_t seccomp_flags;
    const char *env[MAX_STRINGS + 1], *argv[MAX_STRINGS + 1]; /* NULL-terminated */
};

/* Parses buf[0..len) into *p. Returns NULL, or a message naming what is wrong and where. */
const char *plan_parse(const uint8_t *buf, size_t len, struct plan *p);

#endif
