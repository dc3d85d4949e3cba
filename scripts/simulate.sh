#!/usr/bin/env bash
# The first command to run: a whole simulation on this machine, from nothing to merged metrics.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

clients=4
users=1000
duration=30s
warmup=10s
run_id=""
runs_dir="$ROOT/runs"
heap=()
pass=()
run_args=()
in_process=0

usage() {
  cat <<'USAGE'
usage: scripts/simulate.sh [--clients K] [--users N] [--duration 30s] [--warmup 10s]
                           [--threshold EXPR]... [--abort-on-fail] [--expect-clients K] [--http-port P]
                           [--run-id ID]
                           [--runs-dir DIR] [--heap SIZE] [--in-process] [SIMULATOR OPTIONS...]

Runs a complete simulation on this machine: builds the jars when they are missing or older than
the sources, starts a registry on a free port and an engine with its own data folder, runs the
run's coordinator and K client JVMs of N users each (scripts/start-clients.sh): once all are set
up they warm up, then measure one common window, while the coordinator prints a live line and
serves a live page; then it prints the merged summary, writes report.html, and stops everything
it started, also on Ctrl-C or failure.

  --clients K        client JVMs (default 4)
  --users N          simulated users per client (default 1000)
  --duration D       the measured window: 500ms, 30s, 2m (default 30s)
  --warmup D         load before the window once every client is set up, recorded apart, so
                     that the window measures the steady state (default 10s; 0 for none)
  --threshold EXPR   a pass/fail gate on the window, repeatable, e.g. ALL.p99<100ms,
                     post.p99.9<250ms, ALL.error_rate<0.1%, ALL.throughput>1000 (the grammar:
                     scripts/start-clients.sh --help); a failed one makes the exit status 4
  --abort-on-fail    end the run once a threshold has failed over at least 10 s of the window
  --expect-clients K how many clients the window waits for (default: --clients)
  --http-port P      the port of the coordinator's live page on 127.0.0.1 (default: a free one)
  --run-id ID        the run's folder name (default: a timestamp)
  --runs-dir DIR     where run folders live (default runs/ in the project)
  --heap SIZE        maximum heap of each client JVM (default 512m); with --in-process, of the
                     one JVM (default 2g, as the engine's)
  --in-process       the engine and the K clients in ONE JVM, the clients calling the engine's
                     service objects directly, with no RMI and no registry (the single-process
                     shape); the same simulator, mix, run folder and files, so that
                     scripts/compare.sh compares it with a run over RMI. Its log:
                     runs/<id>/logs/in-process.log. It has no coordinator: each client warms
                     up for --warmup after its own setup, and --threshold, --abort-on-fail,
                     --expect-clients and --http-port are refused
  SIMULATOR OPTIONS  passed on to every client: --rate R, --closed --concurrency T, --mix ...,
                     --seed S, --subreddits M, --zipf-exponent S, --online-mean D,
                     --offline-mean D (see scripts/start-clients.sh --help)

Every option, the simulator's included, is checked before anything starts: a bad one exits 2
with a message naming it, and starts no process.

The engine runs with a password cost of 1000 PBKDF2 iterations so that thousands of simulated
users log in quickly: a simulation setting, far below the engine's default for real accounts.

Writes runs/<id>/ (merged.csv, timeline.csv, client logs and metrics; the engine's data in
data/, its log and the registry's in logs/; with --in-process, the one JVM's log in logs/).
Exit status: that of start-clients.sh (0 pass, 3 consistency check failed, 4 a threshold failed,
1 other failure (a client that failed to start, too), 2 bad usage).
USAGE
}

# Runs the engine and K clients in one JVM (InProcessMain), then the run's report; exits with the
# launcher's status, which is the merge's as with start-clients.sh. Args: ID DIR K HEAP SIM_OPTIONS...
run_in_process() {
  local id=$1 dir=$2 k=$3 jvm_heap=$4 pid status=0 shown
  shift 4
  shown="$dir"
  [[ "$dir" == "$PWD"/* ]] && shown="${dir#"$PWD"/}"
  log "run $id: $k clients x $users users for $duration in ONE JVM with the engine (no RMI); folder $shown"
  log "password cost 1000 PBKDF2 iterations: a simulation setting for fast logins, not for real accounts"
  mkdir -p "$LOG_DIR"
  # As the engine JVM runs (start-engine.sh): G1, the engine's heap, $ENGINE_JAVA_OPTS.
  # shellcheck disable=SC2086 # ENGINE_JAVA_OPTS holds several flags
  "$JAVA" "$(java_flags)" "-Xmx$jvm_heap" -XX:+UseG1GC ${ENGINE_JAVA_OPTS:-} \
    -Dlogback.configurationFile=logback-in-process.xml "-Dredditclone.log.file=$LOG_DIR/in-process.log" \
    -cp "$(in_process_classpath)" "$IN_PROCESS_MAIN" --clients "$k" --run-dir "$dir" \
    --data-dir "$dir/data" --password-cost 1000 "$@" &
  pid=$!
  write_pid in-process "$pid"
  # TERM lets the clients write their files and the launcher merge them, as client JVMs do.
  trap 'kill -TERM "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; exit 130' INT TERM
  wait "$pid" || status=$?
  trap 'exit 130' INT TERM
  rm -f "$STATE_DIR/in-process.pid"
  if [[ -f "$dir/merged.csv" ]]; then
    # The charts of the run; a report that cannot be drawn does not fail the run.
    "$ROOT/scripts/report.sh" "$dir" >/dev/null || log "the report could not be written; see above" >&2
    if [[ -f "$dir/report.html" ]]; then echo "report:  $shown/report.html"; fi
  fi
  echo "results: $shown/merged.csv"
  exit "$status"
}

take_option() {
  case "$1" in
    --clients) need_value "$@"; clients=$2 ;;
    --users) need_value "$@"; users=$2 ;;
    --duration) need_value "$@"; duration=$2 ;;
    --warmup) need_value "$@"; warmup=$2 ;;
    --threshold|--expect-clients|--http-port) need_value "$@"; run_args+=("$1" "$2") ;;
    --abort-on-fail) run_args+=("$1") ;;
    --run-id) need_value "$@"; run_id=$2 ;;
    --runs-dir) need_value "$@"; runs_dir=$2 ;;
    --heap) need_value "$@"; heap=(--heap "$2") ;;
    --in-process) in_process=1 ;;
    --registry|--first-client-id|--bind-address|--coordinator-port|--coordinator) usage_error "$1 is chosen by this script (use scripts/start-clients.sh against your own engine)" ;;
    *) sim_option pass "$@" ;;
  esac
}
parse_options "$@"
check_number --clients "$clients" 1 1000
[[ -n "$run_id" ]] || run_id=$(default_run_id sim- "$runs_dir")
check_run_id "$run_id" "$runs_dir"
((${#heap[@]} == 0)) || check_size --heap "${heap[1]}"

if ((in_process && ${#run_args[@]} > 0)); then
  usage_error "${run_args[0]} needs the run coordinator, which --in-process does not run"
fi

ensure_built
run_dir="$runs_dir/$run_id"
if ((in_process)); then
  check_sim_options --client-id "$clients" --out "$run_dir" --registry 127.0.0.1:1099 \
    --users "$users" --duration "$duration" --warmup "$warmup" "${pass[@]+"${pass[@]}"}"
else
  check_coordinator_options --run-dir "$run_dir" --registry 127.0.0.1:1099 --expect-clients "$clients" \
    --duration "$duration" --warmup "$warmup" "${run_args[@]+"${run_args[@]}"}"
  check_sim_options --coordinator 127.0.0.1:1 --client-id "$clients" --registry 127.0.0.1:1099 \
    --users "$users" "${pass[@]+"${pass[@]}"}"
fi

mkdir -p "$run_dir"
run_dir="$(cd "$run_dir" && pwd)"
own_state_in "$run_dir"
if ((in_process)); then
  run_in_process "$run_id" "$run_dir" "$clients" "${heap[1]:-${ENGINE_HEAP:-2g}}" \
    --users "$users" --duration "$duration" --warmup "$warmup" "${pass[@]+"${pass[@]}"}"
fi
port=$(free_port)
registry="127.0.0.1:$port"

log "run $run_id: $clients clients x $users users, a warm-up of $warmup, then $duration measured; folder $run_dir"
log "password cost 1000 PBKDF2 iterations: a simulation setting for fast logins, not for real accounts"
"$ROOT/scripts/start-registry.sh" --port "$port"
"$ROOT/scripts/start-engine.sh" --registry "$registry" --password-cost 1000 --data-dir "$run_dir/data"

status=0
"$ROOT/scripts/start-clients.sh" --clients "$clients" --run-id "$run_id" --runs-dir "$runs_dir" \
  --registry "$registry" --users "$users" --duration "$duration" --warmup "$warmup" "${heap[@]+"${heap[@]}"}" \
  "${run_args[@]+"${run_args[@]}"}" "${pass[@]+"${pass[@]}"}" || status=$?
exit "$status"
