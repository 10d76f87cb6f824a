#!/usr/bin/env python3
"""Generate bulwark's syscall tables (name -> number) from Linux UAPI headers.

The tables live in src/main/resources/io/bulwark/seccomp/syscalls/ as tab-separated
'name<TAB>number' lines. Each file's header says which headers it came from.

Rerun (Debian; needs a C preprocessor, 'cc'):

    apt-get download linux-libc-dev-arm64-cross linux-libc-dev-armhf-cross
    for f in linux-libc-dev-*-cross_*.deb; do dpkg-deb -x "$f" cross; done
    tools/seccomp/gen-syscall-tables.py --cross cross

With /usr/bin/python3 and python3-seccomp present, syscalls newer than the headers are
added from libseccomp's table (asked number by number above the headers' highest).

x86_64, x86 (i386) and x32 come from the host's linux-libc-dev
(/usr/include/x86_64-linux-gnu/asm/unistd_{64,32,x32}.h); aarch64 and arm (EABI) from the
cross packages (asm/unistd.h over asm-generic/unistd.h, and arm's asm/unistd-eabi.h plus its
private __ARM_NR_* calls). The i386 socketcall(2)/ipc(2) sub-call numbers come from
linux/net.h and linux/ipc.h.
"""
import argparse
import os
import re
import subprocess
import sys

OUT_DEFAULT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                           "src", "main", "resources", "io", "bulwark", "seccomp", "syscalls")


def macros(include_dirs, header, defines=()):
    """All macros the preprocessor sees after including header, as {name: body}."""
    if isinstance(include_dirs, str):
        include_dirs = [include_dirs]
    cmd = ["cc", "-E", "-dM", "-nostdinc", "-undef"]
    for d in include_dirs:
        cmd += ["-I", d]
    cmd += ["-D" + d for d in defines]
    cmd += ["-include", header, "-x", "c", "/dev/null"]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    table = {}
    for line in out.splitlines():
        m = re.match(r"#define (\w+)(?:\s+(.*))?$", line)
        if m and "(" not in m.group(1):
            table[m.group(1)] = (m.group(2) or "").strip()
    return table


def evaluate(name, table, depth=0):
    """The integer value of a macro whose body is arithmetic over other macros."""
    if depth > 20:
        raise ValueError("macro nesting too deep at " + name)
    body = table[name]
    body = re.sub(r"/\*.*?\*/", "", body)
    expr = re.sub(r"\b([A-Za-z_]\w*)\b", lambda m: str(evaluate(m.group(1), table, depth + 1)), body)
    expr = re.sub(r"(0x[0-9a-fA-F]+|\d+)[uUlL]+", r"\1", expr)
    if not re.fullmatch(r"[0-9xXa-fA-F+\-*|&<>() ]+", expr):
        raise ValueError("cannot evaluate %s = %s" % (name, body))
    return int(eval(expr))  # only digits and operators reach here


def syscalls(table, prefixes=("__NR_",)):
    found = {}
    for macro in table:
        for prefix in prefixes:
            if macro.startswith(prefix):
                name = macro[len(prefix):]
                if name in ("syscalls", "arch_specific_syscall") or not re.fullmatch(r"_?[a-z][a-z0-9_]*", name):
                    continue
                try:
                    found[name] = evaluate(macro, table)
                except (KeyError, ValueError):
                    continue
    return found


LIBSECCOMP_ARCH = {"x86_64": "X86_64", "x86": "X86", "x32": "X32", "aarch64": "AARCH64", "arm": "ARM"}


def newer_from_libseccomp(arch, entries):
    """Syscalls above the headers' highest number that the installed libseccomp names.

    The cross headers lag behind (Debian 12 ships 6.1); libseccomp's table is patched for
    newer kernels. Since 5.1 new syscalls take the same number on every architecture, so
    asking libseccomp number by number finds them. Runs /usr/bin/python3 with python3-seccomp.
    """
    base = 0x40000000 if arch == "x32" else 0
    below = base + (512 if arch == "x32" else 0x0f0000)  # x32 keeps its own calls at 512..547
    start = max(n for n in entries.values() if n < below) + 1 - base
    probe = ("import seccomp,sys\n"
             "for nr in range(%d, %d):\n"
             "    try: print(nr, seccomp.resolve_syscall(seccomp.Arch.%s, nr).decode())\n"
             "    except Exception: pass\n") % (base + start, base + start + 64, LIBSECCOMP_ARCH[arch])
    try:
        out = subprocess.run(["/usr/bin/python3", "-c", probe], check=True, capture_output=True, text=True).stdout
        version = dpkg_version("libseccomp2:amd64")
    except (OSError, subprocess.CalledProcessError):
        return {}, None
    extra = {}
    for line in out.splitlines():
        nr, name = line.split()
        if name not in entries and re.fullmatch(r"_?[a-z][a-z0-9_]*", name):
            extra[name] = int(nr)
    return extra, "libseccomp2 %s (numbers above the headers' highest)" % version


def write(out_dir, arch, entries, source):
    extra, extra_source = newer_from_libseccomp(arch, entries) if arch in LIBSECCOMP_ARCH else ({}, None)
    if extra:
        entries = dict(entries)
        entries.update(extra)
        source += "\n# and %s: %s" % (extra_source, ", ".join(sorted(extra, key=extra.get)))
    path = os.path.join(out_dir, arch + ".tsv")
    with open(path, "w") as f:
        f.write("# %s syscall numbers, generated by tools/seccomp/gen-syscall-tables.py\n" % arch)
        f.write("# from %s\n" % source)
        f.write("# name\tnumber\n")
        for name, nr in sorted(entries.items(), key=lambda e: (e[1], e[0])):
            f.write("%s\t%d\n" % (name, nr))
    print("%-8s %4d names, highest %d  <- %s" % (arch, len(entries), max(entries.values()), source))


def dpkg_version(package):
    try:
        return subprocess.run(["dpkg-query", "-W", "-f=${Version}", package],
                              check=True, capture_output=True, text=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return "unknown version"


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--host-include", default="/usr/include/x86_64-linux-gnu",
                   help="directory holding asm/unistd_{64,32,x32}.h (default: %(default)s)")
    p.add_argument("--uapi-include", default="/usr/include", help="directory holding linux/net.h, linux/ipc.h")
    p.add_argument("--cross", required=True,
                   help="directory where linux-libc-dev-{arm64,armhf}-cross were unpacked (holds usr/)")
    p.add_argument("--cross-version", default="6.1.4-1cross1", help="version of the cross packages, for the header")
    p.add_argument("--out", default=OUT_DEFAULT)
    a = p.parse_args()

    host = "linux-libc-dev:amd64 %s" % dpkg_version("linux-libc-dev:amd64")
    x86_dir = a.host_include
    write(a.out, "x86_64", syscalls(macros(x86_dir, "asm/unistd_64.h")), host + " asm/unistd_64.h")
    write(a.out, "x86", syscalls(macros(x86_dir, "asm/unistd_32.h")), host + " asm/unistd_32.h")
    write(a.out, "x32", syscalls(macros(x86_dir, "asm/unistd_x32.h", ["__X32_SYSCALL_BIT=0x40000000"])),
          host + " asm/unistd_x32.h")

    arm64 = os.path.join(a.cross, "usr", "aarch64-linux-gnu", "include")
    write(a.out, "aarch64", syscalls(macros(arm64, "asm/unistd.h", ["__aarch64__"])),
          "linux-libc-dev-arm64-cross %s asm/unistd.h + asm-generic/unistd.h" % a.cross_version)
    armhf = os.path.join(a.cross, "usr", "arm-linux-gnueabihf", "include")
    write(a.out, "arm", syscalls(macros(armhf, "asm/unistd.h", ["__ARM_EABI__", "__arm__"]), ("__NR_", "__ARM_NR_")),
          "linux-libc-dev-armhf-cross %s asm/unistd.h (EABI) + __ARM_NR_* private calls" % a.cross_version)

    net = macros([a.uapi_include, a.host_include], "linux/net.h")
    sockets = {m[len("SYS_"):].lower(): evaluate(m, net) for m in net if re.fullmatch(r"SYS_[A-Z0-9]+", m)}
    write(a.out, "x86-socketcall", sockets, "linux-libc-dev linux/net.h SYS_* (socketcall(2) call numbers)")
    ipc = macros([a.uapi_include, a.host_include], "linux/ipc.h")
    calls = {m.lower(): evaluate(m, ipc) for m in ("SEMOP", "SEMGET", "SEMCTL", "SEMTIMEDOP", "MSGSND", "MSGRCV",
                                                  "MSGGET", "MSGCTL", "SHMAT", "SHMDT", "SHMGET", "SHMCTL")}
    write(a.out, "x86-ipc", calls, "linux-libc-dev linux/ipc.h (ipc(2) call numbers)")


if __name__ == "__main__":
    sys.exit(main())
