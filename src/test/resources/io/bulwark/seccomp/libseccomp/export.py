#!/usr/bin/python3
"""Build a filter with libseccomp (python3-seccomp) from a resolved rule list and export it.

Input (JSON on stdin): {"default": RET, "arches": ["x86_64", ...], "optimize": 1|2,
  "rules": [{"name": "socket", "ret": RET, "args": [[index, op, value, valueTwo], ...]}, ...]}
Rules come in profile order, already filtered by includes/excludes, as runc hands them to
libseccomp. A name libseccomp cannot resolve is skipped, as runc does.
Output: the raw program on stdout (fd 1); the skipped names, one a line, on stderr.
"""
import json
import sys

import seccomp

ARCHES = {"x86_64": seccomp.Arch.X86_64, "x86": seccomp.Arch.X86, "x32": seccomp.Arch.X32,
          "aarch64": seccomp.Arch.AARCH64, "arm": seccomp.Arch.ARM}
OPS = {"NE": seccomp.NE, "LT": seccomp.LT, "LE": seccomp.LE, "EQ": seccomp.EQ, "GE": seccomp.GE,
       "GT": seccomp.GT, "MASKED_EQ": seccomp.MASKED_EQ}


def action(ret):
    top, data = ret & 0xffff0000, ret & 0xffff
    if top == 0x7fff0000:
        return seccomp.ALLOW
    if top == 0x00050000:
        return seccomp.ERRNO(data)
    if top == 0x7ff00000:
        return seccomp.TRACE(data)
    if top == 0x7ffc0000:
        return seccomp.LOG
    if top == 0x00030000:
        return seccomp.TRAP
    if top == 0x7fc00000:
        return seccomp.NOTIFY
    if top == 0x80000000:
        return seccomp.KILL_PROCESS
    return seccomp.KILL


def main():
    spec = json.load(sys.stdin)
    f = seccomp.SyscallFilter(action(spec["default"]))
    f.set_attr(seccomp.Attr.CTL_OPTIMIZE, spec.get("optimize", 1))
    arches = [ARCHES[a] for a in spec["arches"]]
    for a in arches:
        if a != seccomp.Arch.X86_64:
            f.add_arch(a)
    if seccomp.Arch.X86_64 not in arches:
        f.remove_arch(seccomp.Arch.X86_64)
    skipped = set()
    for r in spec["rules"]:
        args = [seccomp.Arg(i, OPS[op], v, v2) if op == "MASKED_EQ" else seccomp.Arg(i, OPS[op], v)
                for i, op, v, v2 in r["args"]]
        try:
            f.add_rule(action(r["ret"]), r["name"], *args)
        except (ValueError, RuntimeError, OSError) as e:
            skipped.add(r["name"])
    for name in sorted(skipped):
        sys.stderr.write(name + "\n")
    f.export_bpf(sys.stdout)


if __name__ == "__main__":
    main()
