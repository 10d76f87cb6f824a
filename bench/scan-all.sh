#!/usr/bin/env bash
# Wall time of `./bulwark scan --all` with N sleeping bubblewrap sandboxes on the host (default
# 50), and the cost per container: the time with the sandboxes minus the time without any
# sandbox of ours, divided by N. Each run is the median of RUNS runs (default 3) after one
# unmeasured warm-up run. The sandboxes are removed on exit, also on failure or Ctrl-C.
#
#   bench/scan-all.sh [-n RUNS] [SANDBOXES]
#
# Needs root (scan --all reads every process's namespaces) and bwrap.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
runs=3
if [ "${1:-}" = "-n" ]; then
    runs=$2
    shift 2
fi
count=${1:-50}
pids=()

cleanup() {
    if [ ${#pids[@]} -gt 0 ]; then
        kill "${pids[@]}" 2>/dev/null || true
        wait "${pids[@]}" 2>/dev/null || true
    fi
}
trap cleanup EXIT INT TERM

now_ms() {
    echo $(( $(date +%s%N) / 1000000 ))
}

# One scan --all, its JSON kept to count the targets; prints the milliseconds it took.
scan_all() {
    local status=0 start
    start=$(now_ms)
    "$here/bulwark" scan --all --format json >"$out" 2>/dev/null || status=$?
    if [ "$status" -gt 1 ]; then
        echo "bench: '$here/bulwark scan --all' exited $status" >&2
        exit 1
    fi
    echo $(( $(now_ms) - start ))
}

median() {
    printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'
}

measure() {
    local times=() _
    scan_all >/dev/null
    for _ in $(seq "$runs"); do
        times+=("$(scan_all)")
    done
    median "${times[@]}"
}

targets() {
    { grep -o '"kind" *: *"container"' "$out" || true; } | wc -l
}

out=$(mktemp)
trap 'cleanup; rm -f "$out"' EXIT INT TERM
echo "bench: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg) at start"

before=$(measure)
base_targets=$(targets)
echo "bench: scan --all with no sandbox of ours: ${before} ms, ${base_targets} containers already on the host"

for _ in $(seq "$count"); do
    bwrap --ro-bind / / --dev /dev --proc /proc --unshare-pid --unshare-uts --unshare-ipc --unshare-net \
        --die-with-parent sleep 3600 &
    pids+=($!)
done
# Every sandbox runs its sleep before the clock starts.
for _ in $(seq 100); do
    [ "$(pgrep -c -x sleep -P "$(pgrep -d, -x bwrap)" 2>/dev/null || echo 0)" -ge "$count" ] && break
    sleep 0.1
done

after=$(measure)
found=$(( $(targets) - base_targets ))
echo "bench: scan --all with $count sandboxes: ${after} ms (median of $runs), $found of them found"
if [ "$found" -gt 0 ]; then
    echo "bench: per container: $(( (after - before) * 1000 / found )) us over the scan without them"
fi
