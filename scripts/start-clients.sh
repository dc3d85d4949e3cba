#!/usr/bin/env bash
# Spawns simulator client JVMs against a running engine, waits for them, merges their metrics.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

clients=""
first_id=1
run_id=""
registry=127.0.0.1:1099
heap=512m
runs_dir="$ROOT/runs"
sim_args=()

usage() {
  cat <<'USAGE'
usage: scripts/start-clients.sh --clients K [--first-client-id N] [--run-id ID] [--runs-dir DIR]
                                [--registry HOST:PORT] [--heap 512m] [SIMULATOR OPTIONS...]

Runs K simulator JVMs (client ids N..N+K-1) against the engine, each in the background with its
own log, waits for all of them, then merges the run and checks it against the engine's counts.

  --clients K            client JVMs to start (required)
  --first-client-id N    id of the first of them (default 1); ids must be unique within a run
  --run-id ID            the run's folder name under the runs directory (default: a timestamp);
                         a second invocation with the same ID and other client ids joins the run
  --runs-dir DIR         where run folders live (default runs/ in the project)
  --registry HOST:PORT   the engine's registry (default 127.0.0.1:1099)
  --heap SIZE            maximum heap of each client JVM (default 512m)
  CLIENT_JAVA_OPTS       (environment) extra JVM flags for every client JVM, after the default
                         -XX:TieredStopAtLevel=1 (see below); with dozens of client JVMs on a
                         few cores, '-XX:+UseSerialGC -XX:CICompilerCount=1' also keeps their GC
                         threads from crowding out the engine
  SIMULATOR OPTIONS      passed to every client, for example --users 1000 --duration 30s
                         --rate 200 | --closed --concurrency 32, --mix ..., --seed S,
                         --subreddits M, --zipf-exponent S, --online-mean 20s,
                         --offline-mean 5s, --warmup 20s (load before the measured
                         phase); see the simulator's own help:
                         java -cp 'rmi-client/target/rmi-client.jar:rmi-client/target/lib/*' \
                           org.redditclone.client.sim.SimClientMain --help

Writes runs/<id>/: client-K.log (each client's output), client-K.* (its metrics and
properties), then merged.csv, timeline.csv, consistency.txt and the rest from the merge.
The consistency check compares, per client, what the engine holds of the writes of the
client's users with what they were acknowledged; anyone else's writes during the run (a
person at the CLI, another run) are reported as outside writes, counted from the engine's
counts recorded before the clients start (baseline.properties), and never fail it.

Every option, the simulator's included, is checked before anything starts (the simulator's own
parser: SimClientMain --check-options); a bad one exits 2 with a message naming it.
A client that exits before its setup is done is reported as "client K failed to start: <its
first error line>"; the consistency check then says "not checked" and the exit status is 1.
A client lost during the run is not compared; the others are.

Exit status: the merge's: 0 pass, 3 consistency check failed, 1 other failure (a client failed
to start, died, or left no report), 2 bad usage. Ctrl-C stops the client JVMs it
started; they still write their files (status=stopped).
Pid files: $REDDITCLONE_STATE/client-K.pid (default .run/), so scripts/stop.sh stops them too.
USAGE
}

take_option() {
  case "$1" in
    --clients) need_value "$@"; clients=$2 ;;
    --first-client-id) need_value "$@"; first_id=$2 ;;
    --run-id) need_value "$@"; run_id=$2 ;;
    --runs-dir) need_value "$@"; runs_dir=$2 ;;
    --registry) need_value "$@"; registry=$2 ;;
    --heap) need_value "$@"; heap=$2 ;;
    --client-id|--out) usage_error "$1 is set by this script for each client; use --first-client-id and --run-id" ;;
    *) sim_option sim_args "$@" ;;
  esac
}
parse_options "$@"

[[ -n "$clients" ]] || usage_error "--clients is missing; it is required (how many client JVMs)"
check_number --clients "$clients" 1 1000
check_number --first-client-id "$first_id" 1 $((10000 - clients))
check_size --heap "$heap"
[[ -n "$run_id" ]] || run_id=$(default_run_id "" "$runs_dir")
check_run_id "$run_id"

ensure_built
run_dir="$runs_dir/$run_id"
last_id=$((first_id + clients - 1))
# The highest id: the simulator checks that its usernames leave room for a run tag.
check_sim_options --client-id "$last_id" --out "$run_dir" --registry "$registry" "${sim_args[@]+"${sim_args[@]}"}"
for ((k = first_id; k <= last_id; k++)); do
  [[ -e "$run_dir/client-$k.properties" || -e "$run_dir/client-$k.log" ]] \
    && usage_error "client $k already ran in $run_dir; give other ids with --first-client-id"
done

mkdir -p "$run_dir" "$STATE_DIR"
run_dir="$(cd "$run_dir" && pwd)"
shown_dir="$run_dir"
[[ "$run_dir" == "$PWD"/* ]] && shown_dir="${run_dir#"$PWD"/}"
mapfile -t ids < <(seq "$first_id" "$last_id")

log "run $run_id: $clients client(s) (ids ${ids[0]}..${ids[-1]}) against $registry; folder $shown_dir"
merge_run baseline --run-dir "$run_dir" --registry "$registry" \
  || die "could not record the engine's counts before the run (is the engine up at $registry?)"

pids=()
stop_clients() {
  trap - INT TERM
  log "stopping the client JVMs (they write their files first)"
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for _ in $(seq 1 300); do
    alive=0
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    ((alive)) || break
    sleep 0.1
  done
  for pid in "${pids[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
  for k in "${ids[@]}"; do rm -f "$STATE_DIR/client-$k.pid"; done
  exit 130
}
trap stop_clients INT TERM

# C1 only, small JVMs when they are many, the class-data-sharing archive: see client_jvm_flags.
client_jvm_flags "$clients"
# shellcheck disable=SC2086 # CLIENT_JAVA_OPTS holds several flags
sim_client_command "-Xmx$heap" "${CLIENT_FLAGS[@]}" ${CLIENT_JAVA_OPTS:-}
for k in "${ids[@]}"; do
  "${SIM_CLIENT[@]}" --client-id "$k" --out "$run_dir" --registry "$registry" "${sim_args[@]+"${sim_args[@]}"}" \
    >"$run_dir/client-$k.log" 2>&1 &
  pids+=($!)
  write_pid "client-$k" $!
done
log "started clients ${ids[*]} (pids ${pids[*]}); logs: $shown_dir/client-K.log"

# Prints a log without its last line while that line is still being written (no newline yet).
complete_lines() {
  [[ -f "$1" ]] || return 0
  if [[ -n "$(tail -c 1 "$1")" ]]; then sed '$d' "$1"; else cat "$1"; fi
}

# Show each client's newest progress line every 5 s (when it changed) until all have exited;
# look every 0.5 s, so that clients that die at start are reported at once.
declare -A shown=()
for ((tick = 1; ; tick++)); do
  alive=0
  for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
  ((alive)) || break
  sleep 0.5 &
  wait $! || true
  ((tick % 10 == 0)) || continue
  for k in "${ids[@]}"; do
    line=$(complete_lines "$run_dir/client-$k.log" | grep -E '^client=' | tail -n 1 || true)
    if [[ -n "$line" && "$line" != "${shown[$k]:-}" ]]; then
      echo "  $line"
      shown[$k]=$line
    fi
  done
done
# A client that exits before its setup is done failed to start (a bad JVM flag, the engine out of
# reach): it wrote no client-K.properties, which a client writes once set up. That is not a
# consistency failure: the merge says "not checked", as what the client was acknowledged is unknown.
failed=()
not_started=()
for i in "${!pids[@]}"; do
  k=${ids[$i]}
  status=0
  wait "${pids[$i]}" || status=$?
  rm -f "$STATE_DIR/client-$k.pid"
  if ((status != 0)) && [[ ! -f "$run_dir/client-$k.properties" ]]; then
    not_started+=("$k")
    echo "$(basename "$0"): client $k failed to start: $(first_error_line "$run_dir/client-$k.log")" >&2
  elif ((status != 0)); then
    failed+=("$k")
    echo "$(basename "$0"): client $k exited with status $status; the end of its log:" >&2
    tail -n 15 "$run_dir/client-$k.log" >&2 || true
  fi
done
trap - INT TERM

expected=$(IFS=,; echo "${ids[*]}")
status=0
merge_run merge --run-dir "$run_dir" --registry "$registry" --expect-clients "$expected" || status=$?
((${#failed[@]} == 0)) || echo "$(basename "$0"): client(s) ${failed[*]} failed; see their logs in $shown_dir" >&2
((${#not_started[@]} == 0)) \
  || echo "$(basename "$0"): client(s) ${not_started[*]} failed to start; see their logs in $shown_dir" >&2
if [[ -f "$run_dir/merged.csv" ]] && ((${#not_started[@]} < ${#ids[@]})); then
  # The charts of the run; a report that cannot be drawn does not fail the run.
  "$(dirname "$0")/report.sh" "$run_dir" >/dev/null || echo "$(basename "$0"): the report could not be written; see above" >&2
  if [[ -f "$run_dir/report.html" ]]; then echo "report:  $shown_dir/report.html"; fi
fi
echo "results: $shown_dir/merged.csv"
# A failed start is exit 1 whatever the merge said: the run did not happen as asked.
if ((${#not_started[@]} > 0 || (status == 0 && ${#failed[@]} > 0))); then status=1; fi
exit "$status"
