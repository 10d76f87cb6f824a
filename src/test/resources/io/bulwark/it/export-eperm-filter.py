#!/usr/bin/python3
"""Export a seccomp filter as raw BPF, for bubblewrap's --seccomp FD.

usage: export-eperm-filter.py OUT.bpf SYSCALL...

The filter allows every syscall except the named ones, which fail with EPERM, as a
container runtime's deny list does. It is built with libseccomp's Python binding
(python3-seccomp), which resolves the names for the machine's architecture.
"""
import errno
import sys

import seccomp


def main(argv):
    if len(argv) < 3:
        sys.exit("usage: export-eperm-filter.py OUT.bpf SYSCALL...")
    bpf_filter = seccomp.SyscallFilter(defaction=seccomp.ALLOW)
    for name in argv[2:]:
        bpf_filter.add_rule(seccomp.ERRNO(errno.EPERM), name)
    with open(argv[1], "wb") as out:
        bpf_filter.export_bpf(out)


if __name__ == "__main__":
    main(sys.argv)
