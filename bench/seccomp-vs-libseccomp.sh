#!/usr/bin/env bash
# Compares bulwark's compiled seccomp program for a profile with libseccomp's exported
# programs at optimize levels 1 and 2, on x86_64: program length, mean and max instructions
# executed over the allowed syscalls and over every number 0..max, and the syscalls the
# kernel's action cache can skip. Run on demand (not part of the tests):
#
#   bench/seccomp-vs-libseccomp.sh [PROFILE]     (default: seccomp-profiles/default.json)
#
# Needs /usr/bin/python3 with python3-seccomp (Debian's package; the interpreter on PATH may
# be another build that cannot import it).
set -euo pipefail
cd "$(dirname "$0")/.."
profile=${1:-seccomp-profiles/default.json}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

./bulwark --version >/dev/null   # builds the jar when needed
start=$(date +%s%N)
./bulwark seccomp compile "$profile" --arch x86_64 -o "$work/bulwark.bpf"
end=$(date +%s%N)

# libseccomp gets the same rules runc would hand it: the profile resolved for the same target.
for level in 1 2; do
    java -cp target/bulwark.jar io.bulwark.seccomp.LibseccompSpec "$profile" x86_64 "$level" \
        | /usr/bin/python3 src/test/resources/io/bulwark/seccomp/libseccomp/export.py \
        > "$work/libseccomp-$level.bpf" 2>/dev/null
done

printf 'profile %s, x86_64; bulwark compile (JVM start included): %d ms\n' "$profile" $(( (end - start) / 1000000 ))
for p in bulwark libseccomp-1 libseccomp-2; do
    printf '%-13s ' "$p"
    ./bulwark seccomp disasm --stats --arch x86_64 "$work/$p.bpf"
done
