/* Escape attempts for the containment tests: `escape ATTEMPT [ARG]` makes one real attempt and
 * prints "ATTEMPT ok" (exit 0) or "ATTEMPT refused ERRNO" (exit 1). Attempts that would change
 * the host if they worked are made with an argument the kernel rejects only after its
 * permission check (a bad magic number, a missing file), so that outside, as root, the error
 * differs from the sandbox's EPERM. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/bpf.h>
#include <linux/perf_event.h>
#include <linux/reboot.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/ptrace.h>
#include <sys/stat.h>
#include <sys/swap.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

static int report(const char *name, long r) {
    if (r >= 0) {
        printf("%s ok\n", name);
        return 0;
    }
    printf("%s refused %s\n", name, strerrorname_np(errno));
    return 1;
}

int main(int argc, char **argv) {
    const char *a = argc > 1 ? argv[1] : "", *arg = argc > 2 ? argv[2] : "";
    if (!strcmp(a, "ptrace")) {
        long r = ptrace(PTRACE_SEIZE, (pid_t)atoi(arg), 0, 0);
        if (r == 0)
            ptrace(PTRACE_DETACH, (pid_t)atoi(arg), 0, 0);
        return report(a, r);
    }
    if (!strcmp(a, "open_by_handle_at")) { /* shocker: a handle of /, reopened by handle */
        struct { struct file_handle h; unsigned char b[128]; } fh = {.h.handle_bytes = 128};
        int mnt;
        if (syscall(SYS_name_to_handle_at, AT_FDCWD, "/", &fh.h, &mnt, 0) < 0)
            return report("name_to_handle_at", -1);
        int dirfd = open("/", O_RDONLY | O_DIRECTORY);
        return report(a, syscall(SYS_open_by_handle_at, dirfd, &fh.h, O_RDONLY));
    }
    if (!strcmp(a, "tiocsti")) { /* a character pushed into the input of the terminal on fd 0 */
        char c = '\n';
        return report(a, ioctl(0, TIOCSTI, &c));
    }
    if (!strcmp(a, "add_key"))
        return report(a, syscall(SYS_add_key, "user", "bulwark-escape", "x", 1, -2 /* process keyring */));
    if (!strcmp(a, "keyctl"))
        return report(a, syscall(SYS_keyctl, 0 /* KEYCTL_GET_KEYRING_ID */, -4 /* user keyring */, 0));
    if (!strcmp(a, "bpf")) {
        union bpf_attr attr = {.map_type = BPF_MAP_TYPE_ARRAY, .key_size = 4, .value_size = 4, .max_entries = 1};
        return report(a, syscall(SYS_bpf, BPF_MAP_CREATE, &attr, sizeof(attr)));
    }
    if (!strcmp(a, "perf_event_open")) {
        struct perf_event_attr pe = {.type = PERF_TYPE_SOFTWARE, .size = sizeof(pe), .config = PERF_COUNT_SW_CPU_CLOCK};
        return report(a, syscall(SYS_perf_event_open, &pe, 0, -1, -1, 0));
    }
    if (!strcmp(a, "userfaultfd"))
        return report(a, syscall(SYS_userfaultfd, 0));
    if (!strcmp(a, "init_module")) /* an empty image: ENOEXEC once past the capability check */
        return report(a, syscall(SYS_init_module, "", 0UL, ""));
    if (!strcmp(a, "kexec_load")) /* bad flags: EINVAL once past the capability check */
        return report(a, syscall(SYS_kexec_load, 0UL, 0UL, NULL, 0xdead0000UL));
    if (!strcmp(a, "reboot")) /* bad magic: EINVAL once past the capability check */
        return report(a, syscall(SYS_reboot, LINUX_REBOOT_MAGIC1, 0, LINUX_REBOOT_CMD_CAD_ON, NULL));
    if (!strcmp(a, "swapon"))
        return report(a, swapon("/nonexistent-bulwark-swap", 0));
    if (!strcmp(a, "acct"))
        return report(a, acct("/nonexistent-bulwark-acct"));
    if (!strcmp(a, "clock_settime")) { /* to the time it is: harmless if it were allowed */
        struct timespec now;
        clock_gettime(CLOCK_REALTIME, &now);
        return report(a, clock_settime(CLOCK_REALTIME, &now));
    }
    if (!strcmp(a, "settimeofday")) {
        struct timeval now;
        gettimeofday(&now, NULL);
        return report(a, settimeofday(&now, NULL));
    }
    if (!strcmp(a, "syslog")) {
        char buf[64];
        return report(a, syscall(SYS_syslog, 3 /* SYSLOG_ACTION_READ_ALL */, buf, (int)sizeof(buf)));
    }
    if (!strcmp(a, "kmsg"))
        return report(a, open("/dev/kmsg", O_RDONLY));
    if (!strcmp(a, "mknod")) { /* the first SCSI disk, block 8:0 */
        long r = mknod(arg, S_IFBLK | 0600, makedev(8, 0));
        if (r == 0)
            unlink(arg);
        return report(a, r);
    }
    if (!strcmp(a, "cgroup_mount")) /* CVE-2022-0492 needs a writable v1 hierarchy's release_agent */
        return report(a, mount("cgroup", arg, "cgroup", 0, "rdma"));
    if (!strcmp(a, "proc1_exe")) /* CVE-2019-5736 starts by opening the runtime through /proc/PID/exe */
        return report(a, open("/proc/1/exe", O_RDONLY));
    if (!strcmp(a, "setuid_root")) { /* run as a setuid-root copy by another uid: is it root now? */
        errno = EPERM;
        return report(a, geteuid() == 0 && setresuid(0, 0, 0) == 0 ? 0 : -1);
    }
    fprintf(stderr, "escape: unknown attempt %s\n", a);
    return 2;
}
