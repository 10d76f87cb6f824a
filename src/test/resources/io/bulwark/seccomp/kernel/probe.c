/*
 * Installs a seccomp filter on itself and makes syscalls, for bulwark's kernel tests.
 *
 *   probe FILTER < CASES
 *
 * FILTER holds raw struct sock_filter bytes. Each line of CASES is "MODE NR A0 A1 A2 A3 A4 A5"
 * (arguments in hexadecimal; MODE 64: the native x86_64 syscall instruction; MODE 32: int $0x80, the i386 ABI). All
 * cases are read before the filter is installed; for each, one line "RESULT" is printed
 * afterwards: the return value, or -errno.
 */
#include <errno.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#define MAX_CASES 65536

static long mode[MAX_CASES], nr[MAX_CASES], result[MAX_CASES];
static unsigned long args[MAX_CASES][6]; /* hexadecimal in CASES: full 64-bit values */

static long call32(long n, unsigned long *a)
{
#if defined(__x86_64__)
    long r;
    __asm__ volatile("int $0x80" : "=a"(r) : "a"(n), "b"(a[0]), "c"(a[1]), "d"(a[2]), "S"(a[3]), "D"(a[4]) : "memory");
    return r;
#else
    (void)n; (void)a;
    return -ENOSYS;
#endif
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: probe FILTER < CASES\n");
        return 2;
    }
    static struct sock_filter insns[4096];
    FILE *f = fopen(argv[1], "rb");
    if (!f) {
        perror(argv[1]);
        return 2;
    }
    size_t len = fread(insns, sizeof insns[0], 4096, f);
    fclose(f);
    int n = 0;
    while (n < MAX_CASES && scanf("%ld %li %lx %lx %lx %lx %lx %lx", &mode[n], &nr[n], &args[n][0], &args[n][1],
                                  &args[n][2], &args[n][3], &args[n][4], &args[n][5]) == 8)
        n++;
    struct sock_fprog prog = {.len = (unsigned short)len, .filter = insns};
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) {
        perror("PR_SET_NO_NEW_PRIVS");
        return 3;
    }
    if (syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog) != 0) {
        perror("seccomp(SECCOMP_SET_MODE_FILTER)");
        return 3;
    }
    for (int i = 0; i < n; i++) {
        if (mode[i] == 32) {
            result[i] = call32(nr[i], args[i]);
        } else {
            errno = 0;
            long r = syscall(nr[i], args[i][0], args[i][1], args[i][2], args[i][3], args[i][4], args[i][5]);
            result[i] = r == -1 ? -errno : r;
        }
    }
    for (int i = 0; i < n; i++)
        printf("%ld\n", result[i]);
    return 0;
}
