#!/usr/bin/env bash
# The first command to run: a whole simulation on this machine, from nothing to merged metrics.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

clients=4
users=1000
duration=30s
run_id=""
runs_dir="$ROOT/runs"
heap=()
pass=()

usage() {
  cat <<'USAGE'
usage: scripts/simulate.sh [--clients K] [--users N] [--duration 30s] [--run-id ID]
                           [--runs-dir DIR] [--heap SIZE] [SIMULATOR OPTIONS...]

Runs a complete simulation on this machine: builds the jars when they are missing or older than
the sources, starts a registry on a free port and an engine with its own data folder, runs K
client JVMs of N users each for the given time (scripts/start-clients.sh), prints the merged
summary, and stops everything it started, also on Ctrl-C or failure.

  --clients K        client JVMs (default 4)
  --users N          simulated users per client (default 1000)
  --duration D       steady phase: 500ms, 30s, 2m (default 30s)
  --run-id ID        the run's folder name (default: a timestamp)
  --runs-dir DIR     where run folders live (default runs/ in the project)
  --heap SIZE        maximum heap of each client JVM (default 512m)
  SIMULATOR OPTIONS  passed on to every client: --rate R, --closed --concurrency T, --mix ...,
                     --seed S, --subreddits M, --zipf-exponent S, --online-mean D,
                     --offline-mean D, --warmup D (see scripts/start-clients.sh --help)

Every option, the simulator's included, is checked before anything starts: a bad one exits 2
with a message naming it, and starts no process.

The engine runs with a password cost of 1000 PBKDF2 iterations so that thousands of simulated
users log in quickly: a simulation setting, far below the engine's default for real accounts.

Writes runs/<id>/ (merged.csv, timeline.csv, client logs and metrics; the engine's data in
data/, its log and the registry's in logs/). Exit status: that of start-clients.sh (0 pass,
3 consistency check failed, 1 other failure (a client that failed to start, too), 2 bad usage).
USAGE
}

take_option() {
  case "$1" in
    --clients) need_value "$@"; clients=$2 ;;
    --users) need_value "$@"; users=$2 ;;
    --duration) need_value "$@"; duration=$2 ;;
    --run-id) need_value "$@"; run_id=$2 ;;
    --runs-dir) need_value "$@"; runs_dir=$2 ;;
    --heap) need_value "$@"; heap=(--heap "$2") ;;
    --registry|--first-client-id) usage_error "$1 is chosen by this script (use scripts/start-clients.sh against your own engine)" ;;
    *) sim_option pass "$@" ;;
  esac
}
parse_options "$@"
check_number --clients "$clients" 1 1000
[[ -n "$run_id" ]] || run_id=$(default_run_id sim- "$runs_dir")
check_run_id "$run_id" "$runs_dir"
((${#heap[@]} == 0)) || check_size --heap "${heap[1]}"

ensure_built
run_dir="$runs_dir/$run_id"
check_sim_options --client-id "$clients" --out "$run_dir" --registry 127.0.0.1:1099 \
  --users "$users" --duration "$duration" "${pass[@]+"${pass[@]}"}"

mkdir -p "$run_dir"
run_dir="$(cd "$run_dir" && pwd)"
own_state_in "$run_dir"
port=$(free_port)
registry="127.0.0.1:$port"

log "run $run_id: $clients clients x $users users for $duration; folder $run_dir"
log "password cost 1000 PBKDF2 iterations: a simulation setting for fast logins, not for real accounts"
"$ROOT/scripts/start-registry.sh" --port "$port"
"$ROOT/scripts/start-engine.sh" --registry "$registry" --password-cost 1000 --data-dir "$run_dir/data"

status=0
"$ROOT/scripts/start-clients.sh" --clients "$clients" --run-id "$run_id" --runs-dir "$runs_dir" \
  --registry "$registry" --users "$users" --duration "$duration" "${heap[@]+"${heap[@]}"}" \
  "${pass[@]+"${pass[@]}"}" || status=$?
exit "$status"
