/* The plan reader: bounds-checked, no allocation, rejects anything it does not know. */
#include "plan.h"

#include <stdio.h>
#include <string.h>

struct cursor {
    const uint8_t *p, *end;
    const char *err;
};

static char message[160];

static int fail(struct cursor *c, const char *what) {
    if (!c->err)
        c->err = what;
    return 0;
}

static int take(struct cursor *c, size_t n, const uint8_t **out) {
    if (c->err || (size_t)(c->end - c->p) < n)
        return fail(c, "field runs past the end of its record");
    *out = c->p;
    c->p += n;
    return 1;
}

static uint64_t le(struct cursor *c, size_t n) {
    const uint8_t *b;
    uint64_t v = 0;
    if (!take(c, n, &b))
        return 0;
    for (size_t i = n; i-- > 0;)
        v = v << 8 | b[i];
    return v;
}

static uint32_t u32(struct cursor *c) { return (uint32_t)le(c, 4); }
static uint64_t u64(struct cursor *c) { return le(c, 8); }

static const char *str(struct cursor *c) {
    uint32_t n = u32(c);
    const uint8_t *b;
    if (c->err || n == UINT32_MAX || !take(c, (size_t)n + 1, &b))
        return fail(c, "string runs past the end of its record"), "";
    if (b[n] != 0 || memchr(b, 0, n))
        return fail(c, "string is not NUL-terminated or holds a NUL"), "";
    return (const char *)b;
}

static unsigned bounded(struct cursor *c, unsigned have, unsigned max) {
    if (have >= max)
        fail(c, "too many entries of one kind");
    return have;
}

static void parse_cgroup(struct cursor *c, struct plan *p) {
    struct cgroup_plan *g = &p->cgroups[bounded(c, p->n_cgroups, MAX_CGROUPS)];
    if (c->err)
        return;
    p->n_cgroups++;
    g->dir = str(c);
    g->n_files = u32(c);
    if (g->n_files > MAX_CGROUP_FILES) {
        g->n_files = 0;
        fail(c, "too many cgroup files");
    }
    for (unsigned i = 0; i < g->n_files && !c->err; i++) {
        g->file[i] = str(c);
        g->value[i] = str(c);
    }
}

static void parse_mount(struct cursor *c, struct plan *p) {
    struct mount_step *m = &p->mounts[bounded(c, p->n_mounts, MAX_MOUNTS)];
    if (c->err)
        return;
    p->n_mounts++;
    m->kind = u32(c);
    if (m->kind < MOUNT_FS || m->kind > MOUNT_READONLY)
        fail(c, "unknown mount kind");
    m->flags = u64(c);
    m->attr = u64(c);
    m->src = str(c);
    m->dst = str(c);
    m->fstype = str(c);
    m->data = str(c);
}

static void parse_ids(struct cursor *c, struct plan *p) {
    p->has_ids = 1;
    p->uid = u32(c);
    p->gid = u32(c);
    p->n_groups = u32(c);
    if (p->n_groups > MAX_GROUPS) {
        p->n_groups = 0;
        fail(c, "too many supplementary groups");
    }
    for (unsigned i = 0; i < p->n_groups && !c->err; i++)
        p->groups[i] = u32(c);
}

static void parse_seccomp(struct cursor *c, struct plan *p) {
    size_t n = (size_t)(c->end - c->p);
    if (n == 0 || n % sizeof(struct sock_filter) || n / sizeof(struct sock_filter) > MAX_FILTER) {
        fail(c, "seccomp program is empty, too long or not whole instructions");
        return;
    }
    p->filter_len = (unsigned)(n / sizeof(struct sock_filter));
    for (unsigned i = 0; i < p->filter_len; i++) {
        p->filter[i].code = (uint16_t)le(c, 2);
        p->filter[i].jt = (uint8_t)le(c, 1);
        p->filter[i].jf = (uint8_t)le(c, 1);
        p->filter[i].k = u32(c);
    }
}

static void parse_record(struct cursor *c, unsigned tag, struct plan *p) {
    switch (tag) {
    case TAG_NAMESPACES: p->ns_flags = u32(c); break;
    case TAG_UID_MAP: p->uid_map = str(c); break;
    case TAG_GID_MAP: p->gid_map = str(c); break;
    case TAG_SETGROUPS: p->setgroups = str(c); break;
    case TAG_CGROUP: parse_cgroup(c, p); break;
    case TAG_MOUNT: parse_mount(c, p); break;
    case TAG_HOSTNAME: p->hostname = str(c); break;
    case TAG_RLIMIT: {
        struct rlimit_step *r = &p->rlimits[bounded(c, p->n_rlimits, MAX_RLIMITS)];
        if (c->err)
            break;
        p->n_rlimits++;
        r->resource = u32(c);
        r->soft = u64(c);
        r->hard = u64(c);
        break;
    }
    case TAG_IDS: parse_ids(c, p); break;
    case TAG_CAPS:
        p->has_caps = 1;
        p->cap_bounding = u64(c);
        p->cap_effective = u64(c);
        break;
    case TAG_SECCOMP: parse_seccomp(c, p); break;
    case TAG_ENV: p->env[bounded(c, p->n_env, MAX_STRINGS)] = str(c), p->n_env += !c->err; break;
    case TAG_ARGV: p->argv[bounded(c, p->n_argv, MAX_STRINGS)] = str(c), p->n_argv += !c->err; break;
    case TAG_CWD: p->cwd = str(c); break;
    case TAG_SECCOMP_FLAGS: p->seccomp_flags = u32(c); break;
    default: fail(c, "unknown record tag");
    }
    if (!c->err && c->p != c->end)
        fail(c, "record is longer than its fields");
}

const char *plan_parse(const uint8_t *buf, size_t len, struct plan *p) {
    struct cursor c = {buf, buf + len, NULL};
    const uint8_t *magic;
    memset(p, 0, sizeof(*p));
    if (len > PLAN_MAX_BYTES)
        return "plan: larger than 4 MiB";
    if (!take(&c, 4, &magic) || memcmp(magic, PLAN_MAGIC, 4) != 0)
        return "plan: not a bulwark plan (bad magic)";
    unsigned version = (unsigned)le(&c, 2);
    if (version != PLAN_VERSION || le(&c, 2) != 0) {
        snprintf(message, sizeof(message), "plan: version %u, this executor reads version %d", version, PLAN_VERSION);
        return message;
    }
    if (u32(&c) != (uint64_t)(c.end - c.p))
        return "plan: body length does not match the file";
    while (!c.err && c.p < c.end) {
        size_t offset = (size_t)(c.p - buf);
        unsigned tag = (unsigned)le(&c, 2);
        uint32_t n = u32(&c);
        const uint8_t *body;
        if (!take(&c, n, &body))
            c.err = "record runs past the end of the plan";
        if (c.err) {
            snprintf(message, sizeof(message), "plan: record at offset %zu: %s", offset, c.err);
            return message;
        }
        struct cursor r = {body, body + n, NULL};
        parse_record(&r, tag, p);
        if (r.err) {
            snprintf(message, sizeof(message), "plan: record %u at offset %zu: %s", tag, offset, r.err);
            return message;
        }
    }
    if (p->n_argv == 0)
        return "plan: no command (argv is empty)";
    p->env[p->n_env] = NULL;
    p->argv[p->n_argv] = NULL;
    return NULL;
}
