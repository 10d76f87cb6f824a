#!/usr/bin/env bash
# Start latency of a sandboxed /bin/true: bulwark through its launcher (first run: the JVM
# plans; cached: the launcher starts the executor from the cached plan, no JVM), the executor
# alone on a plan file, the JVM path on 17 and 25 with and without the class archive, against
# bwrap, runc and crun (busybox-static bundle from 'runc spec'). Runs are interleaved; prints
# the median wall time of each in ms and its ratio to runc, and the load average (other work
# on the machine inflates every number).
# Usage: bench/start-latency.sh [ROUNDS]   (as root; needs bwrap, runc, crun, busybox-static)
set -euo pipefail
rounds=${1:-10}
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export BULWARK_CACHE_DIR="$work/cache"
jdk25=/usr/lib/jvm/temurin-25-jdk-amd64

"$here/bulwark" --version >/dev/null # builds the jar if needed

mkdir -p "$work/bundle/rootfs/bin"
cp /bin/busybox "$work/bundle/rootfs/bin/busybox"
ln -s busybox "$work/bundle/rootfs/bin/true"
(cd "$work/bundle" && runc spec && python3 - <<'PY'
import json
c = json.load(open("config.json"))
c["process"]["args"] = ["/bin/true"]
c["process"]["terminal"] = False
json.dump(c, open("config.json", "w"))
PY
)

# The seccomp profile is left out of every contender: bwrap has none by default.
plan="$work/true.plan"
exec_cmd=$("$here/bulwark" plan --seccomp unconfined -o "$plan" -- /bin/true)
# Train the class archives (the launcher does it once in the background) and wait for them.
"$here/bulwark" run --no-cache --seccomp unconfined -- /bin/true
[ -x "$jdk25/bin/java" ] && JAVA_HOME=$jdk25 "$here/bulwark" run --no-cache --seccomp unconfined -- /bin/true
for _ in $(seq 120); do compgen -G "$BULWARK_CACHE_DIR/*.lock" >/dev/null || break; sleep 1; done

run="$here/bulwark run --seccomp unconfined -- /bin/true"
declare -A cmds=(
  [bulwark-cached]="$run"
  [bulwark-first]="env BULWARK_NO_CDS=1 $here/bulwark run --no-cache --seccomp unconfined -- /bin/true"
  [bulwark-first-cds]="$here/bulwark run --no-cache --seccomp unconfined -- /bin/true"
  [bulwark-first-25]="env JAVA_HOME=$jdk25 BULWARK_NO_CDS=1 $here/bulwark run --no-cache --seccomp unconfined -- /bin/true"
  [bulwark-first-25aot]="env JAVA_HOME=$jdk25 $here/bulwark run --no-cache --seccomp unconfined -- /bin/true"
  [executor-alone]="$exec_cmd"
  [bwrap]="bwrap --unshare-all --ro-bind / / --proc /proc --dev /dev true"
  [runc]="runc run --bundle $work/bundle bench-runc-$$"
  [crun]="crun run --bundle $work/bundle bench-crun-$$"
)
order=(bulwark-cached bulwark-first bulwark-first-cds bulwark-first-25 bulwark-first-25aot executor-alone bwrap runc crun)
names=()
for n in "${order[@]}"; do # a contender that fails here is left out, said so
  if err=$(${cmds[$n]} 2>&1 >/dev/null); then names+=("$n"); else echo "$n: left out, it fails here: $err" >&2; fi
done
declare -A times
for ((i = 0; i < rounds; i++)); do
  for n in "${names[@]}"; do
    s=$(date +%s%N)
    ${cmds[$n]} >/dev/null
    e=$(date +%s%N)
    times[$n]+="$(((e - s) / 1000)) "
  done
done

median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
runc_med=$(echo "${times[runc]:-1}" | median)
printf '%-20s %10s %8s\n' contender "median ms" "x runc"
for n in "${names[@]}"; do
  m=$(echo "${times[$n]}" | median)
  printf '%-20s %10.1f %8.2f\n' "$n" "$(echo "$m / 1000" | bc -l)" "$(echo "$m / $runc_med" | bc -l)"
done
echo "rounds: $rounds, cores: $(nproc), load average: $(cut -d' ' -f1-3 /proc/loadavg)"
