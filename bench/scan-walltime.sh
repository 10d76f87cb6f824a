#!/usr/bin/env bash
# Wall time of `./bulwark scan` (the launcher, as users run it) on each JDK: the median of
# RUNS runs, after one unmeasured warm-up run that fills the page cache and builds the jar
# if it is stale.
#
#   bench/scan-walltime.sh [-n RUNS] [JAVA_HOME...]
#
# Without JAVA_HOMEs it measures JDK 17 and JDK 25 at their usual Debian/Temurin paths.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
runs=10
if [ "${1:-}" = "-n" ]; then
    runs=$2
    shift 2
fi
if [ $# -eq 0 ]; then
    set -- /usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/temurin-25-jdk-amd64
fi

# Milliseconds since the epoch.
now_ms() {
    echo $(( $(date +%s%N) / 1000000 ))
}

scan() {
    local status=0
    JAVA_HOME=$1 "$here/bulwark" scan --color never >/dev/null 2>&1 || status=$?
    # 0 and 1 are verdicts; anything else means the scan itself did not work.
    if [ "$status" -gt 1 ]; then
        echo "bench: 'JAVA_HOME=$1 $here/bulwark scan' exited $status" >&2
        exit 1
    fi
}

# Wall times mean little on a busy machine: say how busy it was.
echo "bench: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg) at start"
for jdk in "$@"; do
    if [ ! -x "$jdk/bin/java" ]; then
        echo "bench: $jdk/bin/java not found; skipping" >&2
        continue
    fi
    version=$("$jdk/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.runtime.version = //p')
    scan "$jdk"
    times=()
    for _ in $(seq "$runs"); do
        start=$(now_ms)
        scan "$jdk"
        times+=($(( $(now_ms) - start )))
    done
    sorted=($(printf '%s\n' "${times[@]}" | sort -n))
    n=${#sorted[@]}
    if (( n % 2 )); then
        median=${sorted[n / 2]}
    else
        median=$(( (sorted[n / 2 - 1] + sorted[n / 2]) / 2 ))
    fi
    printf 'JDK %-22s median %5d ms  (min %d, max %d, %d runs)  %s\n' \
        "$version" "$median" "${sorted[0]}" "${sorted[n - 1]}" "$n" "$jdk"
done
