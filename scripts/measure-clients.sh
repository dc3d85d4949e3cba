#!/usr/bin/env bash
# Runs scripts/simulate.sh and measures what each client JVM costs to get ready: the numbers of
# docs/PERFORMANCE.md, "Starting many client JVMs".
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

period=0.25
runs_dir="$ROOT/runs"

usage() {
  cat <<'USAGE'
usage: scripts/measure-clients.sh [--period 0.25] [--] SIMULATE OPTIONS...

Runs scripts/simulate.sh with SIMULATE OPTIONS (e.g. --clients 50 --users 50 --rate 3
--duration 10s) and samples every client JVM from /proc every PERIOD seconds. Prints, when the run
is over, per client JVM and as median and max over them:

  ready_s    from the JVM's start to its setup's end (client-K.properties setup.ended.epoch_ms)
  cpu_s      CPU seconds (user + system) the JVM had used when its setup ended
  rss_mb     its resident memory when its setup ended; peak_mb: its peak (VmHWM)
  threads    its threads when its setup ended; max_threads: the most seen

and the span from the first client JVM's start to the last one's setup end. The simulation's own
output goes to RUN/measure-simulate.log. Linux only (/proc). Sampling costs some CPU itself: on a
busy machine, give a longer --period.
USAGE
}

args=()
while (($#)); do
  case "$1" in
    --period) need_value "$@"; period=$2; shift 2 ;;
    --period=*) period=${1#*=}; shift ;;
    -h|--help) usage; exit 0 ;;
    --) shift; args+=("$@"); break ;;
    *) args+=("$1"); shift ;;
  esac
done
[[ "$period" =~ ^[0-9]*\.?[0-9]+$ ]] || usage_error "--period '$period' must be seconds, like 0.25"
[[ -d /proc/self ]] || die "needs /proc (Linux)"
run_id=""
for ((i = 0; i < ${#args[@]}; i++)); do
  case "${args[$i]}" in
    --run-id) run_id=${args[$((i + 1))]:-} ;;
    --run-id=*) run_id=${args[$i]#*=} ;;
    --runs-dir) runs_dir=${args[$((i + 1))]:-} ;;
    --runs-dir=*) runs_dir=${args[$i]#*=} ;;
  esac
done
if [[ -z "$run_id" ]]; then
  run_id=$(default_run_id measure- "$runs_dir")
  args+=(--run-id "$run_id")
fi
run_dir="$runs_dir/$run_id"
ensure_built
mkdir -p "$runs_dir"

ticks=$(getconf CLK_TCK)
boot_s=$(awk '/^btime/ { print $2 }' /proc/stat)
declare -A pid_of=() start_ms=() cpu=() rss=() threads=() peak=() max_threads=()

# Sets STAT_CPU, STAT_START, STAT_RSS, STAT_HWM, STAT_THREADS from /proc/PID; fails when the
# process is gone. No forks: this runs for every client JVM every period.
read_proc() {
  local pid=$1 stat key value
  { read -r stat <"/proc/$pid/stat"; } 2>/dev/null || return 1
  # shellcheck disable=SC2206 # split on spaces; the fields hold no glob characters
  local -a fields=(${stat##*) })
  # fields[0] is the state (field 3); utime, stime, starttime are fields 14, 15, 22.
  STAT_CPU=$((fields[11] + fields[12]))
  STAT_START=${fields[19]}
  STAT_RSS=0 STAT_HWM=0 STAT_THREADS=0
  { while read -r key value _; do
      case "$key" in
        VmRSS:) STAT_RSS=$value ;;
        VmHWM:) STAT_HWM=$value ;;
        Threads:) STAT_THREADS=$value ;;
      esac
    done <"/proc/$pid/status"; } 2>/dev/null || return 1
}

sample() {
  local file k pid
  for file in "$run_dir"/state/client-*.pid; do
    [[ -f "$file" ]] || continue
    k=${file##*/client-}; k=${k%.pid}
    { read -r pid <"$file"; } 2>/dev/null || continue
    pid_of[$k]=$pid
    read_proc "$pid" || continue
    [[ -n "${start_ms[$k]:-}" ]] || start_ms[$k]=$(((boot_s * 1000) + STAT_START * 1000 / ticks))
    if ((STAT_HWM > ${peak[$k]:-0})); then peak[$k]=$STAT_HWM; fi
    if ((STAT_THREADS > ${max_threads[$k]:-0})); then max_threads[$k]=$STAT_THREADS; fi
    if [[ -z "${cpu[$k]:-}" && -f "$run_dir/client-$k.properties" ]]; then
      cpu[$k]=$STAT_CPU rss[$k]=$STAT_RSS threads[$k]=$STAT_THREADS
    fi
  done
}

"$ROOT/scripts/simulate.sh" "${args[@]}" >"$run_dir.measure.log" 2>&1 &
sim=$!
# simulate.sh stops what it started when it gets TERM.
trap 'kill -TERM "$sim" 2>/dev/null || true; wait "$sim" 2>/dev/null || true' EXIT
trap 'exit 130' INT TERM
while process_running "$sim"; do
  sample
  sleep "$period"
done
status=0
wait "$sim" || status=$?
trap - EXIT INT TERM
mv "$run_dir.measure.log" "$run_dir/measure-simulate.log" 2>/dev/null || true
((${#pid_of[@]} > 0)) || die "no client JVM was seen (simulate.sh exited $status); see $run_dir/measure-simulate.log"

mapfile -t ids < <(printf '%s\n' "${!pid_of[@]}" | sort -n)
files=()
for k in "${ids[@]}"; do files+=("$run_dir/client-$k.properties"); done
mapfile -t ready_ms < <(run_value --key setup.ended.epoch_ms "${files[@]}" 2>/dev/null || true)

{
  echo "client ready_s cpu_s rss_mb peak_mb threads max_threads"
  for i in "${!ids[@]}"; do
    k=${ids[$i]}
    ready=${ready_ms[$i]:-}
    awk -v k="$k" -v s="${start_ms[$k]:-}" -v r="$ready" -v c="${cpu[$k]:-}" -v t="$ticks" \
        -v rss="${rss[$k]:-}" -v hwm="${peak[$k]:-}" -v th="${threads[$k]:-}" -v mt="${max_threads[$k]:-}" \
      'function v(x, f) { return x == "" ? "-" : sprintf(f, x) }
       BEGIN { printf "%s %s %s %s %s %s %s\n", k, (r == "" || s == "") ? "-" : sprintf("%.2f", (r - s) / 1000),
         c == "" ? "-" : sprintf("%.2f", c / t), v(rss == "" ? "" : rss / 1024, "%.0f"),
         v(hwm == "" ? "" : hwm / 1024, "%.0f"), v(th, "%d"), v(mt, "%d") }'
  done
} >"$run_dir/client-footprint.txt"

first_start=$(for k in "${ids[@]}"; do echo "${start_ms[$k]:-}"; done | sort -n | head -n 1)
last_ready=$(printf '%s\n' "${ready_ms[@]}" | grep -E '^[0-9]+$' | sort -n | tail -n 1 || true)
echo "run $run_id: simulate.sh exited $status; ${#ids[@]} client JVMs; per client in $run_dir/client-footprint.txt"
awk 'NR > 1 { for (c = 2; c <= 7; c++) if ($c != "-") { v[c, ++n[c]] = $c } }
  function median(c,   i, j, t, m) { m = n[c]; for (i = 1; i <= m; i++) a[i] = v[c, i] + 0
    for (i = 2; i <= m; i++) { t = a[i]; for (j = i - 1; j > 0 && a[j] > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
    return m == 0 ? "-" : (m % 2 ? a[(m + 1) / 2] : (a[m / 2] + a[m / 2 + 1]) / 2) }
  function maximum(c,   i, m) { m = ""; for (i = 1; i <= n[c]; i++) if (m == "" || v[c, i] + 0 > m) m = v[c, i] + 0; return m == "" ? "-" : m }
  END { split("ready_s cpu_s rss_mb peak_mb threads max_threads", h, " ")
    for (c = 2; c <= 7; c++) printf "  %-12s median %-8s max %s\n", h[c - 1], median(c), maximum(c) }' \
  "$run_dir/client-footprint.txt"
if [[ -n "$first_start" && -n "$last_ready" ]]; then
  awk -v a="$first_start" -v b="$last_ready" 'BEGIN { printf "  first client JVM start -> last client ready: %.1f s\n", (b - a) / 1000 }'
fi
exit "$status"
