"""Loads a seccomp filter, then executes a command under it.

usage: seccomp-filter.py ACTION=SYSCALL... -- COMMAND ARG...
ACTION is kill_process, kill_thread, trap or an errno name such as EPERM; every other call is
allowed. The tests use it to put the child JVM of the system-call sweep under the actions a
container profile may use.
"""
import errno
import os
import sys

import seccomp

ACTIONS = {
    "kill_process": seccomp.KILL_PROCESS,
    "kill_thread": seccomp.KILL,
    "trap": seccomp.TRAP,
}


def action(name):
    if name in ACTIONS:
        return ACTIONS[name]
    return seccomp.ERRNO(getattr(errno, name))


def main(argv):
    split = argv.index("--")
    rules, command = argv[:split], argv[split + 1:]
    f = seccomp.SyscallFilter(defaction=seccomp.ALLOW)
    for rule in rules:
        name, syscall = rule.split("=", 1)
        f.add_rule(action(name), syscall)
    f.load()
    os.execv(command[0], command)


if __name__ == "__main__":
    main(sys.argv[1:])
