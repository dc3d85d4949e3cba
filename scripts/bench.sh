#!/usr/bin/env bash
# The engine against the bare RMI transport, on this machine, in one run: a baseline of K client
# JVMs x T threads calling StatsService.ping() (a remote method that does nothing) back to back,
# then the same K x T running the simulator's closed loop with the default mix against the real
# engine. Prints both throughputs and engine/baseline; the last line is ratio=<x>.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

clients=4
threads=4
duration=30
warmup=20
users=1000
runs_dir="$ROOT/runs"
run_id=""
client_heap=512m
sim_args=()

usage() {
  cat <<'USAGE'
usage: scripts/bench.sh [--clients K] [--threads T] [--duration 30s] [--warmup 10s]
                        [--users N] [--run-id ID] [--runs-dir DIR] [SIMULATOR OPTIONS...]

Starts a registry and an engine of its own (password cost 1000, as scripts/simulate.sh), then:
  1. baseline: K client JVMs, each with T threads calling StatsService.ping() back to back;
  2. engine:   the same K JVMs x T threads in the simulator's closed loop (--closed
               --concurrency T) with the default mix, N users per client.
Each phase runs a warm-up after every client's setup, then measures the same wall-clock window
of D seconds in every client (--steady-start-file). Throughput = successful calls per second of
that window, summed over the clients; ratio = engine / baseline. Stops all it started.

  --clients K     client JVMs (default 4)
  --threads T     threads, i.e. calls in flight, per client JVM (default 4)
  --duration D    measured window of each phase, seconds: 30 or 30s (default 30)
  --warmup W      warm-up of each phase after setup, seconds (default 20)
  --users N       simulated users per client in the engine phase (default 1000)
  --run-id ID     folder name under the runs directory (default bench-<timestamp>)
  --runs-dir DIR  where run folders live (default runs/)
  SIMULATOR OPTIONS  passed to the engine phase's clients, e.g. --mix vote=1 or --seed 7

Environment: ENGINE_HEAP (default 2g), BENCH_CLIENT_OPTS (extra JVM flags of the clients),
ENGINE_JAVA_OPTS (extra JVM flags of the engine; see scripts/start-engine.sh).
Writes runs/<id>/baseline/ and runs/<id>/engine/ (client files, merged.csv of the engine phase),
logs/ and bench.txt. Every option, the simulator's included, is checked before anything starts.
Exit status: 0 measured, 1 failure, 2 bad usage.
USAGE
}

seconds_of() { # "30" or "30s" -> 30
  local name=$1 value=$2
  [[ "$value" =~ ^([0-9]+)s?$ ]] && ((BASH_REMATCH[1] >= 1)) \
    || usage_error "$name '$value' must be whole seconds, 1 or more, like 30 or 30s"
  echo "${BASH_REMATCH[1]}"
}

take_option() {
  case "$1" in
    --clients) need_value "$@"; clients=$2 ;;
    --threads) need_value "$@"; threads=$2 ;;
    --duration) need_value "$@"; duration=$(seconds_of "$1" "$2") ;;
    --warmup) need_value "$@"; warmup=$(seconds_of "$1" "$2") ;;
    --users) need_value "$@"; users=$2 ;;
    --run-id) need_value "$@"; run_id=$2 ;;
    --runs-dir) need_value "$@"; runs_dir=$2 ;;
    --closed|--concurrency|--client-id|--out|--registry|--steady-start-file|--ping)
      usage_error "$1 is set by this script" ;;
    *) sim_option sim_args "$@" ;;
  esac
}
parse_options "$@"
check_number --clients "$clients" 1 64
check_number --threads "$threads" 1 4096
[[ -n "$run_id" ]] || run_id=$(default_run_id bench- "$runs_dir")
check_run_id "$run_id" "$runs_dir"

ensure_built
run_dir="$runs_dir/$run_id"
# The engine phase's options, as its clients will get them (the ping phase's are all ours).
check_sim_options --client-id "$clients" --out "$run_dir/engine" --registry 127.0.0.1:1099 --closed \
  --concurrency "$threads" --duration "${duration}s" --steady-start-file "$run_dir/engine/steady-start" \
  --users "$users" "${sim_args[@]+"${sim_args[@]}"}"

mkdir -p "$run_dir"
run_dir="$(cd "$run_dir" && pwd)"
own_state_in "$run_dir"
port=$(free_port)
registry="127.0.0.1:$port"

log "run $run_id: $clients clients x $threads threads, ${warmup}s warm-up + ${duration}s per phase; folder $run_dir"
log "load before start: $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min); other work on the machine skews both phases"
"$ROOT/scripts/start-registry.sh" --port "$port" >/dev/null
"$ROOT/scripts/start-engine.sh" --registry "$registry" --password-cost 1000 --data-dir "$run_dir/data" >/dev/null

# Client JVMs: a small fixed heap, and the parallel collector, whose young collections cost
# less CPU than G1's on this 2-core machine (clients allocate briskly and keep little). C1 only,
# as scripts/start-clients.sh: in a phase of a minute, C2 compiled and recompiled the engine
# phase's serialization code throughout, and the clients' CPU per call was 60-90% above C1's.
# (C1 costs the baseline's ping loops more per call than C2: both are in docs/PERFORMANCE.md.)
# shellcheck disable=SC2086 # BENCH_CLIENT_OPTS holds several flags
sim_client_command -Xms256m "-Xmx$client_heap" -XX:+UseParallelGC -XX:ParallelGCThreads=1 \
  -XX:TieredStopAtLevel=1 ${BENCH_CLIENT_OPTS:-}

# Runs one phase with the given simulator options; sets tps and errors (summed over clients).
phase() {
  local name=$1; shift
  local dir="$run_dir/$name" start_file="$run_dir/$name/steady-start"
  mkdir -p "$dir"
  pids=()
  local k
  for ((k = 1; k <= clients; k++)); do
    "${SIM_CLIENT[@]}" --client-id "$k" --out "$dir" --registry "$registry" --closed --concurrency "$threads" \
      --duration "${duration}s" --steady-start-file "$start_file" "$@" >"$dir/client-$k.log" 2>&1 &
    pids+=($!)
    write_pid "client-$k" $!
  done
  # Every client set up (users registered and logged in), then a common start after the warm-up.
  local deadline=$((SECONDS + 600)) props=() csvs=()
  for ((k = 1; k <= clients; k++)); do props+=("$dir/client-$k.properties"); csvs+=("$dir/client-$k.csv"); done
  until run_value --key setup.ended.epoch_ms "${props[@]}" >/dev/null 2>&1; do
    for ((k = 1; k <= clients; k++)); do
      kill -0 "${pids[$((k - 1))]}" 2>/dev/null || { tail -n 20 "$dir/client-$k.log" >&2; die "$name: client $k died during setup"; }
    done
    ((SECONDS < deadline)) || die "$name: the clients were not set up within 600 s; see $dir/client-K.log"
    sleep 0.5
  done
  local start_ms=$(( $(date +%s%3N) + warmup * 1000 ))
  echo "$start_ms" >"$start_file.tmp" && mv "$start_file.tmp" "$start_file"
  # The engine's CPU time over the measured window, from /proc (utime + stime, in clock ticks).
  local engine_pid cpu0 cpu1
  engine_pid=$(cat "$STATE_DIR/engine.pid")
  sleep_until_ms "$start_ms"; cpu0=$(proc_cpu_ticks "$engine_pid")
  sleep_until_ms $((start_ms + duration * 1000)); cpu1=$(proc_cpu_ticks "$engine_pid")
  engine_cpu_s=$(awk -v a="$cpu0" -v b="$cpu1" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.2f", (b - a) / hz }')
  local failed=0
  for ((k = 1; k <= clients; k++)); do
    wait "${pids[$((k - 1))]}" || { failed=1; tail -n 20 "$dir/client-$k.log" >&2; }
  done
  pids=()
  rm -f "$STATE_DIR"/client-*.pid
  ((failed == 0)) || die "$name: a client failed; see $dir/client-K.log"
  # The ALL row of each client's summary, by column name, summed over the clients.
  tps=$(run_value --column throughput_per_s --row op=ALL "${csvs[@]}" | awk '{ s += $1 } END { printf "%.1f", s }')
  errors=$(run_value --column errors --row op=ALL "${csvs[@]}" | awk '{ s += $1 } END { printf "%d", s }')
  calls=$(run_value --column count --row op=ALL "${csvs[@]}" | awk '{ s += $1 } END { printf "%d", s }')
  client_cpu_s=$(run_value --key steady.cpu.s "${props[@]}" | awk '{ s += $1 } END { printf "%.2f", s }')
  # CPU per call hardly depends on other work on the machine, unlike throughput.
  cpu_per_call=$(awk -v e="$engine_cpu_s" -v c="$client_cpu_s" -v n="$calls" \
    'BEGIN { if (n > 0) printf "engine %.1f us + clients %.1f us", e * 1e6 / n, c * 1e6 / n }')
  cpu_us_per_call=$(awk -v e="$engine_cpu_s" -v c="$client_cpu_s" -v n="$calls" \
    'BEGIN { printf "%.2f", (n > 0 ? (e + c) * 1e6 / n : 0) }')
}

sleep_until_ms() {
  local wait_ms=$(( $1 - $(date +%s%3N) ))
  if ((wait_ms > 0)); then sleep "$(awk -v m="$wait_ms" 'BEGIN { printf "%.3f", m / 1000 }')"; fi
}

proc_cpu_ticks() { # utime + stime of a process; fields after the ")" of the command name
  awk '{ sub(/.*\) /, ""); print $12 + $13 }' "/proc/$1/stat"
}

log "phase 1/2: baseline (ping) ..."
phase baseline --ping
base=$tps base_errors=$errors base_cpu=$cpu_per_call base_us=$cpu_us_per_call
log "baseline: $base calls/s ($base_errors errors); CPU per call: $base_cpu"

log "phase 2/2: engine (default mix, $users users per client) ..."
mkdir -p "$run_dir/engine"
merge_run baseline --run-dir "$run_dir/engine" --registry "$registry" >/dev/null
phase engine --users "$users" "${sim_args[@]}"
eng=$tps eng_errors=$errors eng_cpu=$cpu_per_call eng_us=$cpu_us_per_call
log "engine: $eng calls/s ($eng_errors errors); CPU per call: $eng_cpu"
expected=$(seq -s, 1 "$clients")
merge_run merge --run-dir "$run_dir/engine" --registry "$registry" --expect-clients "$expected" \
  >"$run_dir/engine/merge.txt" 2>&1 || log "the engine phase's merge reported a problem; see $run_dir/engine/merge.txt"

ratio=$(awk -v e="$eng" -v b="$base" 'BEGIN { printf "%.3f", (b > 0 ? e / b : 0) }')
# Both phases are CPU-bound, so the ratio is about 1 / this; it varies less from run to run.
pings=$(awk -v e="$eng_us" -v b="$base_us" 'BEGIN { printf "%.2f", (b > 0 ? e / b : 0) }')
{
  echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), $("$JAVA" -version 2>&1 | head -n 1)"
  echo "load after run: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "clients=$clients threads=$threads warmup=${warmup}s duration=${duration}s users=$users"
  echo "baseline_calls_per_s=$base errors=$base_errors cpu_per_call: $base_cpu"
  echo "engine_calls_per_s=$eng errors=$eng_errors cpu_per_call: $eng_cpu"
  echo "cpu_per_engine_call_in_pings=$pings"
  echo "per-op: $run_dir/engine/merged.csv"
  echo "ratio=$ratio"
} | tee "$run_dir/bench.txt"
