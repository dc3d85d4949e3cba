#!/usr/bin/env bash
# The first command to run: a whole simulation on this machine, from nothing to merged metrics.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

clients=4
users=1000
duration=30s
run_id=""
runs_dir="$ROOT/runs"
pass=()

usage() {
  cat <<'USAGE'
usage: scripts/simulate.sh [--clients K] [--users N] [--duration 30s] [--run-id ID]
                           [--runs-dir DIR] [SIMULATOR OPTIONS...]

Runs a complete simulation on this machine: builds what is missing, starts a registry on a free
port and an engine with its own data folder, runs K client JVMs of N users each for the given
time (scripts/start-clients.sh), prints the merged summary, and stops everything it started,
also on Ctrl-C or failure.

  --clients K        client JVMs (default 4)
  --users N          simulated users per client (default 1000)
  --duration D       steady phase: 500ms, 30s, 2m (default 30s)
  --run-id ID        the run's folder name (default: a timestamp)
  --runs-dir DIR     where run folders live (default runs/ in the project)
  SIMULATOR OPTIONS  passed on to every client: --rate R, --closed --concurrency T, --mix ...,
                     --seed S, --subreddits M, --zipf-exponent S, --online-mean D,
                     --offline-mean D, --warmup D, --heap SIZE (see scripts/start-clients.sh
                     --help)

The engine runs with a password cost of 1000 PBKDF2 iterations so that thousands of simulated
users log in quickly: a simulation setting, far below the engine's default for real accounts.

Writes runs/<id>/ (merged.csv, timeline.csv, client logs and metrics; the engine's data in
data/, its log and the registry's in logs/). Exit status: that of start-clients.sh (0 pass,
3 consistency check failed, 1 other failure, 2 bad usage).
USAGE
}

while (($#)); do
  case "$1" in
    --clients) clients="${2:?--clients needs a number}"; shift 2 ;;
    --users) users="${2:?--users needs a number}"; shift 2 ;;
    --duration) duration="${2:?--duration needs a value like 30s}"; shift 2 ;;
    --run-id) run_id="${2:?--run-id needs a name}"; shift 2 ;;
    --runs-dir) runs_dir="${2:?--runs-dir needs a directory}"; shift 2 ;;
    --registry|--first-client-id) usage_error "$1 is chosen by this script (use scripts/start-clients.sh against your own engine)" ;;
    -h|--help) usage; exit 0 ;;
    --closed) pass+=("$1"); shift ;;
    --*=*) pass+=("$1"); shift ;;
    --*) pass+=("$1" "${2:?$1 needs a value}"); shift 2 ;;
    *) usage_error "unexpected argument '$1'" ;;
  esac
done
[[ "$clients" =~ ^[0-9]+$ ]] && ((clients >= 1)) || usage_error "--clients '$clients' must be a number 1 or more"
[[ "$users" =~ ^[0-9]+$ ]] && ((users >= 1)) || usage_error "--users '$users' must be a number 1 or more"
if [[ -z "$run_id" ]]; then
  run_id="sim-$(date +%Y%m%d-%H%M%S)"
  while [[ -e "$runs_dir/$run_id" ]]; do run_id="sim-$(date +%Y%m%d-%H%M%S)-$RANDOM"; done
fi
[[ "$run_id" =~ ^[A-Za-z0-9._-]+$ ]] || usage_error "--run-id '$run_id' may hold only A-Z a-z 0-9 . _ -"
[[ -e "$runs_dir/$run_id" ]] && usage_error "--run-id '$run_id': $runs_dir/$run_id exists; give a new run id"

ensure_built

run_dir="$runs_dir/$run_id"
mkdir -p "$run_dir"
run_dir="$(cd "$run_dir" && pwd)"
# A state folder of our own: stop.sh then stops exactly what this script started, and a
# registry or engine the user runs elsewhere with the default .run/ is left alone.
export REDDITCLONE_STATE="$run_dir/state"
export REDDITCLONE_LOGS="$run_dir/logs"
STATE_DIR="$REDDITCLONE_STATE"
LOG_DIR="$REDDITCLONE_LOGS"

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  "$ROOT/scripts/stop.sh" || true
  rmdir "$REDDITCLONE_STATE" 2>/dev/null || true
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# A free loopback port: nothing answers a connection to it (bash's /dev/tcp, no extra tools).
port=""
for _ in $(seq 1 50); do
  candidate=$((20000 + RANDOM % 40000))
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then
    port=$candidate
    break
  fi
done
[[ -n "$port" ]] || die "found no free port on 127.0.0.1 after 50 tries"
registry="127.0.0.1:$port"

log "run $run_id: $clients clients x $users users for $duration; folder $run_dir"
log "password cost 1000 PBKDF2 iterations: a simulation setting for fast logins, not for real accounts"
"$ROOT/scripts/start-registry.sh" --port "$port"
"$ROOT/scripts/start-engine.sh" --registry "$registry" --password-cost 1000 --data-dir "$run_dir/data"

status=0
"$ROOT/scripts/start-clients.sh" --clients "$clients" --run-id "$run_id" --runs-dir "$runs_dir" \
  --registry "$registry" --users "$users" --duration "$duration" "${pass[@]}" || status=$?
exit "$status"
