#!/usr/bin/env bash
# Wall time of `./bulwark scan --all` with N sleeping bubblewrap sandboxes on the host (default
# 50), and the cost per container two ways: the time with the sandboxes minus the time without
# any sandbox of ours, divided by N (this charges the containers with warming up the probe
# code: class loading, compiling, the first walks); and the marginal cost after start-up, from
# the time with FIRST sandboxes (default 10) to the time with N. Each time is the median of
# RUNS runs (default 3) after one unmeasured warm-up run. The sandboxes are removed on exit,
# also on failure or Ctrl-C.
#
#   bench/scan-all.sh [-n RUNS] [SANDBOXES [FIRST]]
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
first=${2:-10}
if [ "$first" -ge "$count" ]; then
    echo "bench: FIRST ($first) must be below SANDBOXES ($count)" >&2
    exit 2
fi
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
    # The first launch after a build trains the class-data archive in the background: not beside the clock.
    while pgrep -f -- '-XX:(ArchiveClassesAtExit|AOTCacheOutput)=' >/dev/null; do
        sleep 0.2
    done
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

# Starts sandboxes until N run, and waits until every one runs its sleep.
start_sandboxes() {
    local n=$1 _
    while [ ${#pids[@]} -lt "$n" ]; do
        bwrap --ro-bind / / --dev /dev --proc /proc --unshare-pid --unshare-uts --unshare-ipc --unshare-net \
            --die-with-parent sleep 3600 &
        pids+=($!)
    done
    for _ in $(seq 100); do
        [ "$(pgrep -c -x sleep -P "$(pgrep -d, -x bwrap)" 2>/dev/null || echo 0)" -ge "$n" ] && break
        sleep 0.1
    done
}

start_sandboxes "$first"
with_first=$(measure)
echo "bench: scan --all with $first sandboxes: ${with_first} ms (median of $runs)"

start_sandboxes "$count"
after=$(measure)
found=$(( $(targets) - base_targets ))
echo "bench: scan --all with $count sandboxes: ${after} ms (median of $runs), $found of them found"
if [ "$found" -gt "$first" ]; then
    echo "bench: per container over the scan without them: $(( (after - before) * 1000 / found )) us"
    echo "bench: per container after start-up ($first to $found): $(( (after - with_first) * 1000 / (found - first) )) us"
fi
