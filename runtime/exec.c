/* bulwark-exec: carries out a run plan (plan.h) that the Java planner wrote, in the OCI order,
 * and supervises the workload. It decides nothing: every path, flag and limit comes from the
 * plan. Any failed step prints the call and the path on stderr and exits 125 before the
 * workload starts; a command that is not found exits 127, one that cannot run 126.
 *
 *   bulwark-exec --plan-fd N     read the plan from fd N (from offset 0), e.g. a memfd
 *   bulwark-exec --plan FILE     read it from FILE, which no other user may be able to write
 *
 * Processes: the supervisor (this pid) creates the cgroups, clones the container's init,
 * writes its id maps and cgroup membership, forwards signals, returns the status, and removes
 * the cgroups. The init sets up the container, forks the workload, reaps and forwards signals. */
#define _GNU_SOURCE
#include "plan.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <linux/capability.h>
#include <linux/mount.h>
#include <linux/seccomp.h>
#include <limits.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define EXIT_SETUP 125
#define STAGING "/tmp"     /* a tmpfs here is the staging root while mounts are made */
#define NEW_ROOT "/newroot" /* under the staging root: becomes the container's root */
#define OLD_ROOT "/oldroot" /* under the staging root: the host's tree until the pivot */

extern char **environ;

static struct plan plan;
static uint8_t plan_bytes[PLAN_MAX_BYTES + 1];
static pid_t supervisor_pid;
static char cgroup_dirs[MAX_CGROUPS][PATH_MAX];
static unsigned n_cgroup_dirs;
static int pivoted;      /* after the PIVOT step, plan paths are plain paths in the new root */
static int dev_null = -1; /* the verified /dev/null that masks files */
static int idmapped[MAX_IDMAPS];  /* trees the supervisor idmapped, in plan order */
static unsigned n_idmapped, next_idmapped;
static struct timespec clocks_at_start[2]; /* CLOCK_MONOTONIC, CLOCK_BOOTTIME before the clone */

static void remove_cgroups(void);

/* The one way out of a failed step: names the call and the path, then exits 125. */
static void die(const char *call, const char *path) {
    int e = errno;
    fprintf(stderr, "bulwark-exec: %s %s: %s\n", call, path ? path : "", e ? strerror(e) : "failed");
    if (getpid() == supervisor_pid)
        remove_cgroups();
    _exit(EXIT_SETUP);
}

static void join_path(char *out, const char *a, const char *b) {
    if ((size_t)snprintf(out, PATH_MAX, "%s%s", a, b) >= PATH_MAX) {
        errno = ENAMETOOLONG;
        die("path", b);
    }
}

static int write_file(const char *path, const char *text) {
    int fd = open(path, O_WRONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    size_t n = strlen(text);
    ssize_t w = write(fd, text, n);
    int e = errno;
    close(fd);
    errno = w == (ssize_t)n ? 0 : (w < 0 ? e : EIO);
    return errno ? -1 : 0;
}

/* ---- the supervisor's steps, in order ---------------------------------------------------- */

static size_t read_all(int fd, const char *name) {
    size_t len = 0;
    for (;;) {
        ssize_t r = pread(fd, plan_bytes + len, sizeof(plan_bytes) - len, (off_t)len);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0)
            die("read plan", name);
        if (r == 0 || (len += (size_t)r) == sizeof(plan_bytes))
            return len;
    }
}

/* A plan file must not be writable by anyone but its owner, who is us or root. */
static void check_plan_file(int fd, const char *name) {
    struct stat st;
    if (fstat(fd, &st) < 0)
        die("fstat plan", name);
    if (!S_ISREG(st.st_mode) || (st.st_uid != geteuid() && st.st_uid != 0) || (st.st_mode & 022)) {
        errno = EPERM;
        die("plan file is not ours alone (owner, mode 022) —", name);
    }
}

static void read_plan(int argc, char **argv) {
    int fd = -1;
    char *end = NULL;
    if (argc == 3 && strcmp(argv[1], "--plan-fd") == 0) {
        long n = strtol(argv[2], &end, 10);
        fd = (*argv[2] && !*end && n >= 0 && n < INT_MAX) ? (int)n : -1;
    } else if (argc == 3 && strcmp(argv[1], "--plan") == 0) {
        fd = open(argv[2], O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
        if (fd < 0)
            die("open plan", argv[2]);
        check_plan_file(fd, argv[2]);
    }
    if (fd < 0) {
        fprintf(stderr, "usage: bulwark-exec --plan-fd N | --plan FILE (the plan comes from 'bulwark plan')\n");
        _exit(EXIT_SETUP);
    }
    size_t len = read_all(fd, argv[2]);
    close(fd);
    const char *err = plan_parse(plan_bytes, len, &plan);
    if (err) {
        fprintf(stderr, "bulwark-exec: %s\n", err);
        _exit(EXIT_SETUP);
    }
}

/* A JVM that execs us leaves about twenty fds open: none of them may reach the workload. */
static void close_inherited_fds(void) {
    if (syscall(SYS_close_range, 3U, ~0U, 0U) < 0)
        die("close_range", "3..");
}

/* A JVM also leaves SIGQUIT blocked and handlers set; start from the kernel's defaults. */
static void reset_signals(void) {
    sigset_t none;
    struct sigaction dfl = {.sa_handler = SIG_DFL};
    for (int sig = 1; sig < NSIG; sig++)
        sigaction(sig, &dfl, NULL); /* fails harmlessly for SIGKILL, SIGSTOP, libc's own */
    sigemptyset(&none);
    if (sigprocmask(SIG_SETMASK, &none, NULL) < 0)
        die("sigprocmask", NULL);
}

static void create_cgroups(void) {
    char name[32], file[PATH_MAX], leaf[PATH_MAX];
    snprintf(name, sizeof(name), "/bulwark-%d", (int)supervisor_pid);
    for (unsigned i = 0; i < plan.n_cgroups; i++) {
        char *dir = cgroup_dirs[i];
        join_path(dir, plan.cgroups[i].dir, name);
        if (mkdir(dir, 0755) < 0)
            die("mkdir", dir);
        n_cgroup_dirs++;
        for (unsigned j = 0; j < plan.cgroups[i].n_files; j++) {
            join_path(leaf, "/", plan.cgroups[i].file[j]);
            join_path(file, dir, leaf);
            if (write_file(file, plan.cgroups[i].value[j]) < 0)
                die("write", file);
        }
    }
}

static void write_id_maps(pid_t child) {
    char path[64];
    const char *files[] = {"setgroups", "uid_map", "gid_map"};
    const char *texts[] = {plan.setgroups, plan.uid_map, plan.gid_map};
    for (int i = 0; i < 3; i++) {
        snprintf(path, sizeof(path), "/proc/%d/%s", (int)child, files[i]);
        if (texts[i] && write_file(path, texts[i]) < 0)
            die("write", path);
    }
}

/* Clones each idmapped bind's source (not recursively: an idmap applies to one filesystem) and
 * maps it to the child's user namespace, with the step's other attributes. Needs the caller's
 * CAP_SYS_ADMIN over the source's filesystem, which only the supervisor has. */
static unsigned make_idmapped_trees(pid_t child) {
    char path[64];
    unsigned n = 0;
    snprintf(path, sizeof(path), "/proc/%d/ns/user", (int)child);
    int userns = -1;
    for (unsigned i = 0; i < plan.n_mounts; i++) {
        const struct mount_step *m = &plan.mounts[i];
        if (!(m->attr & MOUNT_ATTR_IDMAP))
            continue;
        if (userns < 0 && (userns = open(path, O_RDONLY | O_CLOEXEC)) < 0)
            die("open", path);
        struct mount_attr a = {.attr_set = m->attr, .userns_fd = (uint64_t)userns};
        int fd = (int)syscall(SYS_open_tree, AT_FDCWD, m->src, OPEN_TREE_CLONE | OPEN_TREE_CLOEXEC);
        if (fd < 0)
            die("open_tree", m->src);
        if (syscall(SYS_mount_setattr, fd, "", AT_EMPTY_PATH, &a, sizeof(a)) < 0)
            die("mount_setattr idmap", m->src);
        if (n == MAX_IDMAPS) {
            errno = E2BIG;
            die("idmapped binds", m->src);
        }
        idmapped[n++] = fd;
    }
    if (userns >= 0)
        close(userns);
    return n;
}

/* The go byte, with the idmapped trees: the init waits for it before it starts. */
static void send_go(int sock, unsigned n) {
    char byte = 1, control[CMSG_SPACE(sizeof(idmapped))] = {0};
    struct iovec iov = {&byte, 1};
    struct msghdr msg = {.msg_iov = &iov, .msg_iovlen = 1};
    if (n) {
        msg.msg_control = control;
        msg.msg_controllen = CMSG_SPACE(n * sizeof(int));
        struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
        c->cmsg_level = SOL_SOCKET;
        c->cmsg_type = SCM_RIGHTS;
        c->cmsg_len = CMSG_LEN(n * sizeof(int));
        memcpy(CMSG_DATA(c), idmapped, n * sizeof(int));
    }
    if (sendmsg(sock, &msg, 0) != 1)
        die("sendmsg", "sync socket");
    while (n)
        close(idmapped[--n]);
}

static int receive_go(int sock) {
    char byte = 0, control[CMSG_SPACE(sizeof(idmapped))];
    struct iovec iov = {&byte, 1};
    struct msghdr msg = {.msg_iov = &iov, .msg_iovlen = 1, .msg_control = control, .msg_controllen = sizeof(control)};
    if (recvmsg(sock, &msg, MSG_CMSG_CLOEXEC) != 1 || byte != 1)
        return -1;
    struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
    if (c && c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS) {
        n_idmapped = (unsigned)((c->cmsg_len - CMSG_LEN(0)) / sizeof(int));
        memcpy(idmapped, CMSG_DATA(c), n_idmapped * sizeof(int));
    }
    return 0;
}

static void join_cgroups(pid_t child) {
    char path[PATH_MAX], pid[16];
    snprintf(pid, sizeof(pid), "%d", (int)child);
    for (unsigned i = 0; i < n_cgroup_dirs; i++) {
        join_path(path, cgroup_dirs[i], "/cgroup.procs");
        if (write_file(path, pid) < 0)
            die("write", path);
    }
}

/* Kills what is left in each cgroup (a workload that outlived the namespace, if any) and
 * removes it; the kernel frees a cgroup a moment after its last task has exited. */
static void remove_cgroups(void) {
    char procs[PATH_MAX], line[32];
    for (unsigned i = n_cgroup_dirs; i-- > 0;) {
        join_path(procs, cgroup_dirs[i], "/cgroup.procs");
        for (int tries = 0; rmdir(cgroup_dirs[i]) < 0 && errno == EBUSY; tries++) {
            FILE *f = fopen(procs, "re");
            while (f && fgets(line, sizeof(line), f))
                kill((pid_t)atoi(line), SIGKILL);
            if (f)
                fclose(f);
            if (tries == 2000) {
                fprintf(stderr, "bulwark-exec: rmdir %s: still busy, left behind\n", cgroup_dirs[i]);
                break;
            }
            usleep(1000);
        }
    }
    n_cgroup_dirs = 0;
}

/* ---- the container's init: its steps, in order ----------------------------------------- */

/* Until it changes ids, the init still holds the host's ids, which the new namespace does not
 * map: files it created would be refused (EOVERFLOW). Become the namespace's root first. */
static void become_namespace_root(void) {
    if (setresgid(0, 0, 0) < 0 || setresuid(0, 0, 0) < 0)
        die("setresuid", "(root of the new user namespace)");
}

static void make_mounts_private(void) {
    if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) < 0)
        die("mount --make-rprivate", "/");
}

/* Like bwrap: a tmpfs becomes the root while the container's tree is assembled under
 * /newroot, with the host's tree at /oldroot for bind sources; both are gone after PIVOT. */
static void enter_staging_root(void) {
    if (mount("tmpfs", STAGING, "tmpfs", MS_NOSUID | MS_NODEV, "mode=0700") < 0)
        die("mount tmpfs", STAGING);
    if (mkdir(STAGING NEW_ROOT, 0755) < 0 || mkdir(STAGING OLD_ROOT, 0755) < 0)
        die("mkdir", STAGING NEW_ROOT);
    if (syscall(SYS_pivot_root, STAGING, STAGING OLD_ROOT) < 0)
        die("pivot_root", STAGING);
    if (chdir("/") < 0)
        die("chdir", "/");
}

static void make_dirs(const char *path) {
    char p[PATH_MAX];
    join_path(p, path, "");
    for (char *s = p + 1;; s++) {
        if (*s && *s != '/')
            continue;
        char c = *s;
        *s = 0;
        if (mkdir(p, 0755) < 0 && errno != EEXIST)
            die("mkdir", p);
        if (!(*s = c))
            return;
    }
}

/* A bind needs a target of the source's kind: a directory, or an empty file. */
static void make_target(const char *path, int directory) {
    if (directory) {
        make_dirs(path);
        return;
    }
    char parent[PATH_MAX];
    join_path(parent, path, "");
    *strrchr(parent, '/') = 0;
    if (*parent)
        make_dirs(parent);
    int fd = open(path, O_WRONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0444);
    if (fd < 0 && errno != EISDIR)
        die("create mount target", path);
    if (fd >= 0)
        close(fd);
}

static void set_attr(const char *path, uint64_t attr) {
    struct mount_attr a = {.attr_set = attr};
    if (attr && syscall(SYS_mount_setattr, AT_FDCWD, path, AT_RECURSIVE, &a, sizeof(a)) < 0)
        die("mount_setattr", path);
}

/* An idmapped bind: the supervisor made the tree (the user namespace's init cannot idmap a
 * host filesystem); the init attaches it here. */
static void attach_idmapped(const struct mount_step *m, const char *dst) {
    struct stat st;
    if (next_idmapped >= n_idmapped || fstat(idmapped[next_idmapped], &st) < 0)
        die("idmapped tree", m->src);
    make_target(dst, S_ISDIR(st.st_mode));
    if (syscall(SYS_move_mount, idmapped[next_idmapped], "", AT_FDCWD, dst, MOVE_MOUNT_F_EMPTY_PATH) < 0)
        die("move_mount", m->dst);
    close(idmapped[next_idmapped++]);
}

static void bind_mount(const struct mount_step *m, const char *dst) {
    char src[PATH_MAX];
    struct stat st;
    if (m->attr & MOUNT_ATTR_IDMAP) {
        attach_idmapped(m, dst);
        return;
    }
    join_path(src, pivoted ? "" : OLD_ROOT, m->src);
    if (stat(src, &st) < 0)
        die("stat bind source", m->src);
    make_target(dst, S_ISDIR(st.st_mode));
    if (mount(src, dst, NULL, MS_BIND | MS_REC, NULL) < 0)
        die("mount --rbind", m->dst);
    set_attr(dst, m->attr);
}

/* CVE-2025-31133: mask with a /dev/null proven to be the 1:3 character device, bound from
 * an fd so that it cannot be swapped for a symlink between the check and the mount. */
static const char *verified_dev_null(void) {
    static char path[32];
    struct stat st;
    if (dev_null < 0) {
        dev_null = open("/dev/null", O_PATH | O_NOFOLLOW | O_CLOEXEC);
        if (dev_null < 0 || fstat(dev_null, &st) < 0)
            die("open", "/dev/null");
        if (!S_ISCHR(st.st_mode) || st.st_rdev != makedev(1, 3)) {
            errno = EPERM;
            die("verify (not the 1:3 character device)", "/dev/null");
        }
        snprintf(path, sizeof(path), "/proc/self/fd/%d", dev_null);
    }
    return path;
}

static void mask_path(const char *path) {
    struct stat st;
    if (lstat(path, &st) < 0) {
        if (errno == ENOENT)
            return;
        die("lstat mask", path);
    }
    if (S_ISDIR(st.st_mode)) {
        if (mount("tmpfs", path, "tmpfs", MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC, "mode=0555") < 0)
            die("mount empty tmpfs over", path);
    } else if (mount(verified_dev_null(), path, NULL, MS_BIND, NULL) < 0) {
        die("mount /dev/null over", path);
    }
}

static void make_read_only(const struct mount_step *m) {
    struct stat st;
    if (lstat(m->dst, &st) < 0) {
        if (errno == ENOENT)
            return;
        die("lstat", m->dst);
    }
    if (mount(m->dst, m->dst, NULL, MS_BIND | MS_REC, NULL) < 0)
        die("mount --rbind", m->dst);
    set_attr(m->dst, m->attr);
}

/* The staging root and the host's tree are detached; the assembled tree is the root. */
static void pivot_into_new_root(void) {
    if (umount2(OLD_ROOT, MNT_DETACH) < 0)
        die("umount", OLD_ROOT);
    if (chdir(NEW_ROOT) < 0)
        die("chdir", NEW_ROOT);
    if (syscall(SYS_pivot_root, ".", ".") < 0)
        die("pivot_root", NEW_ROOT);
    if (umount2(".", MNT_DETACH) < 0)
        die("umount", "staging root");
    if (chdir("/") < 0)
        die("chdir", "/");
    pivoted = 1;
}

static void make_mounts(void) {
    char dst[PATH_MAX];
    for (unsigned i = 0; i < plan.n_mounts; i++) {
        const struct mount_step *m = &plan.mounts[i];
        join_path(dst, pivoted ? "" : NEW_ROOT, m->dst);
        switch (m->kind) {
        case MOUNT_FS:
            make_dirs(dst);
            if (mount(m->src, dst, m->fstype, m->flags, m->data) < 0)
                die(m->fstype, m->dst);
            set_attr(dst, m->attr);
            break;
        case MOUNT_BIND: bind_mount(m, dst); break;
        case MOUNT_SYMLINK:
            if (symlink(m->src, dst) < 0)
                die("symlink", m->dst);
            break;
        case MOUNT_PIVOT: pivot_into_new_root(); break;
        case MOUNT_MASK: mask_path(dst); break;
        case MOUNT_READONLY: make_read_only(m); break;
        }
    }
    if (dev_null >= 0)
        close(dev_null);
}

/* A time namespace applies to the children of whoever unshares it: the init unshares it, and
 * the workload it forks is the first member. Its clocks count from the run's start (whole
 * seconds before the init existed, so that no process in it started at a negative time). */
static void enter_time_namespace_for_children(void) {
    char offsets[96];
    if (unshare(CLONE_NEWTIME) < 0)
        die("unshare", "time namespace");
    snprintf(offsets, sizeof(offsets), "%d %lld 0\n%d %lld 0\n", CLOCK_MONOTONIC,
             -(long long)clocks_at_start[0].tv_sec, CLOCK_BOOTTIME, -(long long)clocks_at_start[1].tv_sec);
    if (write_file("/proc/self/timens_offsets", offsets) < 0)
        die("write", "/proc/self/timens_offsets");
}

static void set_hostname(void) {
    if (plan.hostname && sethostname(plan.hostname, strlen(plan.hostname)) < 0)
        die("sethostname", plan.hostname);
}

static void set_rlimits(void) {
    char name[16];
    for (unsigned i = 0; i < plan.n_rlimits; i++) {
        struct rlimit r = {plan.rlimits[i].soft, plan.rlimits[i].hard};
        snprintf(name, sizeof(name), "resource %u", plan.rlimits[i].resource);
        if (setrlimit((__rlimit_resource_t)plan.rlimits[i].resource, &r) < 0)
            die("setrlimit", name);
    }
}

static void drop_bounding_set(void) {
    char name[16];
    for (int cap = 0; cap < 64 && prctl(PR_CAPBSET_READ, cap, 0, 0, 0) >= 0; cap++) {
        snprintf(name, sizeof(name), "cap %d", cap);
        if (!(plan.cap_bounding >> cap & 1) && prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) < 0)
            die("prctl PR_CAPBSET_DROP", name);
    }
}

/* Groups, then gid, then uid, keeping capabilities across the uid change for capset. */
static void set_ids(void) {
    int deny = plan.setgroups && strcmp(plan.setgroups, "deny") == 0;
    if (!deny && setgroups(plan.n_groups, (const gid_t *)plan.groups) < 0)
        die("setgroups", NULL);
    if (prctl(PR_SET_KEEPCAPS, 1, 0, 0, 0) < 0)
        die("prctl PR_SET_KEEPCAPS", NULL);
    if (setresgid(plan.gid, plan.gid, plan.gid) < 0)
        die("setresgid", NULL);
    if (setresuid(plan.uid, plan.uid, plan.uid) < 0)
        die("setresuid", NULL);
}

static void set_capabilities(void) {
    struct __user_cap_header_struct h = {_LINUX_CAPABILITY_VERSION_3, 0};
    struct __user_cap_data_struct d[2] = {
        {(uint32_t)plan.cap_effective, (uint32_t)plan.cap_effective, 0},
        {(uint32_t)(plan.cap_effective >> 32), (uint32_t)(plan.cap_effective >> 32), 0}};
    if (syscall(SYS_capset, &h, d) < 0)
        die("capset", NULL);
    if (prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0) < 0)
        die("prctl PR_CAP_AMBIENT_CLEAR_ALL", NULL);
    if (prctl(PR_SET_KEEPCAPS, 0, 0, 0, 0) < 0 || prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0)
        die("prctl PR_SET_NO_NEW_PRIVS", NULL);
    /* The workload must not be able to open /proc/1/exe or ptrace the init. */
    if (prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) < 0)
        die("prctl PR_SET_DUMPABLE", NULL);
}

/* ---- the workload ---------------------------------------------------------------------- */

static void exec_workload(void) {
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    close_inherited_fds(); /* before chdir: CVE-2024-21626 reached the host through an fd */
    /* A session of its own, without a controlling terminal: TIOCSTI cannot push input into
     * the caller's terminal (CVE-2017-5226), as bwrap --new-session. */
    if (setsid() < 0)
        die("setsid", NULL);
    if (chdir(plan.cwd ? plan.cwd : "/") < 0)
        die("chdir", plan.cwd);
    if (plan.filter_len) {
        struct sock_fprog prog = {(unsigned short)plan.filter_len, plan.filter};
        /* seccomp(2) rather than prctl: only it takes the flags (TSYNC, LOG, SPEC_ALLOW). With
         * TSYNC a positive result names a thread that could not be synchronised. */
        if (syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, plan.seccomp_flags, &prog) != 0)
            die("seccomp SECCOMP_SET_MODE_FILTER", NULL);
    }
    environ = (char **)plan.env;
    execvp(plan.argv[0], (char *const *)plan.argv);
    int e = errno;
    fprintf(stderr, "bulwark-exec: execvp %s: %s\n", plan.argv[0], strerror(e));
    _exit(e == ENOENT ? 127 : 126);
}

static int exit_code(int status) {
    return WIFSIGNALED(status) ? 128 + WTERMSIG(status) : WEXITSTATUS(status);
}

/* Both the supervisor and the init: forward every signal to `main` (all are blocked and
 * taken here), reap every child, and return main's status once it ends. */
static int supervise(pid_t main) {
    sigset_t all;
    sigfillset(&all);
    for (;;) {
        int status, sig = sigwaitinfo(&all, NULL);
        if (sig < 0 && errno != EINTR)
            die("sigwaitinfo", NULL);
        if (sig > 0 && sig != SIGCHLD) {
            kill(main, sig);
            continue;
        }
        for (pid_t pid; (pid = waitpid(-1, &status, WNOHANG)) > 0;)
            if (pid == main)
                return exit_code(status);
    }
}

static void run_container_init(int go) {
    prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0);
    if (receive_go(go) < 0)
        _exit(EXIT_SETUP); /* the supervisor failed and said why */
    close(go);
    /* Before the ids change: that makes the init non-dumpable, and its /proc/self files then
     * belong to the host's root, which the new namespace does not map. */
    if (plan.ns_flags & CLONE_NEWTIME)
        enter_time_namespace_for_children();
    if (plan.ns_flags & CLONE_NEWUSER)
        become_namespace_root();
    if ((plan.ns_flags & CLONE_NEWCGROUP) && unshare(CLONE_NEWCGROUP) < 0)
        die("unshare", "cgroup namespace");
    if (plan.ns_flags & CLONE_NEWNS) {
        make_mounts_private();
        enter_staging_root();
        make_mounts();
    }
    set_hostname();
    set_rlimits();
    drop_bounding_set();
    set_ids();
    set_capabilities();
    if (!(plan.ns_flags & CLONE_NEWPID) && prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) < 0)
        die("prctl PR_SET_CHILD_SUBREAPER", NULL);
    pid_t workload = fork();
    if (workload < 0)
        die("fork", "workload");
    if (workload == 0)
        exec_workload();
    _exit(supervise(workload));
}

/* clone(2) without a stack behaves like fork; the cgroup namespace is unshared by the
 * child once it is in its cgroup, so that the cgroup is its namespace's root, and the time
 * namespace by the init for the workload (clone(2) has no bit for it: 0x80 is CSIGNAL's). */
static pid_t spawn_container_init(void) {
    int sync[2];
    sigset_t all;
    sigfillset(&all);
    if (sigprocmask(SIG_SETMASK, &all, NULL) < 0 || socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sync) < 0)
        die("socketpair", NULL);
    if (clock_gettime(CLOCK_MONOTONIC, &clocks_at_start[0]) < 0 || clock_gettime(CLOCK_BOOTTIME, &clocks_at_start[1]) < 0)
        die("clock_gettime", NULL);
    pid_t child = (pid_t)syscall(SYS_clone, (plan.ns_flags & ~(CLONE_NEWCGROUP | CLONE_NEWTIME)) | SIGCHLD, 0, 0, 0, 0);
    if (child < 0)
        die("clone", "(new namespaces)");
    if (child == 0) {
        close(sync[1]);
        run_container_init(sync[0]);
    }
    close(sync[0]);
    write_id_maps(child);
    join_cgroups(child);
    send_go(sync[1], make_idmapped_trees(child));
    close(sync[1]);
    return child;
}

int main(int argc, char **argv) {
    supervisor_pid = getpid();
    read_plan(argc, argv);
    close_inherited_fds();
    reset_signals();
    create_cgroups();
    int status = supervise(spawn_container_init());
    remove_cgroups();
    return status;
}
