/* Test driver: reads a plan file and prints what the executor's reader understood, one field a
 * line, or the reader's error and exit 1. The JUnit test compares this with fixture files. */
#include "../plan.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

static struct plan p;
static uint8_t buf[PLAN_MAX_BYTES + 1];

int main(int argc, char **argv) {
    FILE *f = argc == 2 ? fopen(argv[1], "rb") : NULL;
    if (!f) {
        fprintf(stderr, "usage: plan-dump PLANFILE\n");
        return 2;
    }
    size_t len = fread(buf, 1, sizeof(buf), f);
    fclose(f);
    const char *err = plan_parse(buf, len, &p);
    if (err) {
        printf("error: %s\n", err);
        return 1;
    }
    printf("namespaces: 0x%08" PRIx32 "\n", p.ns_flags);
    printf("uid_map: %s\ngid_map: %s\nsetgroups: %s\n", p.uid_map ? p.uid_map : "-",
           p.gid_map ? p.gid_map : "-", p.setgroups ? p.setgroups : "-");
    for (unsigned i = 0; i < p.n_cgroups; i++) {
        printf("cgroup: %s\n", p.cgroups[i].dir);
        for (unsigned j = 0; j < p.cgroups[i].n_files; j++)
            printf("  %s = %s\n", p.cgroups[i].file[j], p.cgroups[i].value[j]);
    }
    for (unsigned i = 0; i < p.n_mounts; i++) {
        struct mount_step *m = &p.mounts[i];
        printf("mount: kind=%" PRIu32 " flags=0x%" PRIx64 " attr=0x%" PRIx64 " src=%s dst=%s fstype=%s data=%s\n",
               m->kind, m->flags, m->attr, m->src, m->dst, m->fstype, m->data);
    }
    printf("hostname: %s\n", p.hostname ? p.hostname : "-");
    for (unsigned i = 0; i < p.n_rlimits; i++)
        printf("rlimit: %" PRIu32 " soft=%" PRIu64 " hard=%" PRIu64 "\n", p.rlimits[i].resource,
               p.rlimits[i].soft, p.rlimits[i].hard);
    if (p.has_ids) {
        printf("ids: uid=%" PRIu32 " gid=%" PRIu32 " groups=", p.uid, p.gid);
        for (unsigned i = 0; i < p.n_groups; i++)
            printf("%s%" PRIu32, i ? "," : "", p.groups[i]);
        printf("\n");
    }
    if (p.has_caps)
        printf("caps: bounding=0x%" PRIx64 " effective=0x%" PRIx64 "\n", p.cap_bounding, p.cap_effective);
    printf("seccomp: %u instructions, flags %u\n", p.filter_len, p.seccomp_flags);
    for (unsigned i = 0; i < p.filter_len; i++)
        printf("  %04x %u %u %08x\n", p.filter[i].code, p.filter[i].jt, p.filter[i].jf, p.filter[i].k);
    for (unsigned i = 0; i < p.n_env; i++)
        printf("env: %s\n", p.env[i]);
    for (unsigned i = 0; i < p.n_argv; i++)
        printf("argv: %s\n", p.argv[i]);
    printf("cwd: %s\n", p.cwd ? p.cwd : "-");
    return 0;
}
